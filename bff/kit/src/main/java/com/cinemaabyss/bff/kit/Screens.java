package com.cinemaabyss.bff.kit;

import com.cinemaabyss.kit.core.UnavailableException;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What each screen is made of, gathered at once from the domain functions; the web and mobile BFFs only shape it.
 * A part needing two calls in a row (a list, then the catalog's titles of its items) has both dependencies' budgets.
 */
public final class Screens {

    public static final String VIEWER = "viewer";
    public static final String SUBSCRIPTION = "subscription";
    public static final String CONTINUE_WATCHING = "continue_watching";
    public static final String RECOMMENDATIONS = "recommendations";
    public static final String NEW_RELEASES = "new_releases";
    public static final String RESULTS = "results";
    public static final String AVAILABILITY = "availability";
    public static final String PLANS = "plans";
    public static final String SIMILAR = "similar";
    public static final String PROFILES = "profiles";
    public static final String RECEIPTS = "receipts";
    public static final String LOYALTY = "loyalty";
    public static final String NOTIFICATION_PREFERENCES = "notification_preferences";

    private final Sources sources;
    private final FanOut fanOut;
    private final BffSettings settings;

    public Screens(Sources sources, FanOut fanOut, BffSettings settings) {
        this.sources = sources;
        this.fanOut = fanOut;
        this.settings = settings;
    }

    /** A shaped screen and how it may be cached. */
    public record Answer(Object body, List<String> degraded, Caching caching) {
    }

    /** An item of a list (continue watching, a recommendation) with its title as the catalog has it. */
    public record Titled(JsonNode item, JsonNode title) {
    }

    public record Home(JsonNode user, Long profileId, JsonNode entitlement, List<Titled> continueWatching,
                       List<Titled> recommendations, List<JsonNode> newReleases, List<String> degraded) {
    }

    public record Browse(JsonNode result, List<String> degraded) {
    }

    public record Title(JsonNode title, JsonNode availability, JsonNode plans, JsonNode viewer, List<JsonNode> similar,
                        List<String> degraded) {
    }

    public record Account(JsonNode user, JsonNode profiles, JsonNode subscription, JsonNode receipts, JsonNode loyalty,
                          JsonNode notificationPreferences, List<String> degraded) {
    }

    /** How many items each list of the home screen asks for. */
    public record HomeSizes(int continueWatching, int recommendations, int newReleases) {
    }

    public Home home(Forwarded caller, Long profileId, HomeSizes sizes) {
        FanOut.Screen screen = fanOut.screen();
        Part<List<JsonNode>> newReleases = screen.fork(NEW_RELEASES, timeout(Sources.CATALOG),
                budget -> items(sources.search(caller, Sources.query("sort", "year", "limit", String.valueOf(sizes.newReleases())), budget)));
        if (!caller.signedIn()) {
            screen.join();
            return new Home(null, null, null, List.of(), List.of(), newReleases.value().orElse(List.of()), screen.degraded());
        }
        Part<JsonNode> user = screen.fork(VIEWER, timeout(Sources.IDENTITY), budget -> sources.me(caller, budget));
        Part<JsonNode> profiles = screen.fork(VIEWER, timeout(Sources.PROFILE), budget -> sources.profiles(caller, budget));
        Part<JsonNode> entitlement = screen.fork(SUBSCRIPTION, timeout(Sources.SUBSCRIPTIONS), budget -> sources.entitlement(caller, budget));
        Part<List<Titled>> watching = screen.fork(CONTINUE_WATCHING, timeout(Sources.PROFILE).plus(timeout(Sources.CATALOG)),
                budget -> titled(caller, items(sources.continueWatching(caller, profileId, sizes.continueWatching(), budget)), budget));
        Part<List<Titled>> recommended = screen.fork(RECOMMENDATIONS, timeout(Sources.RECOMMENDATIONS).plus(timeout(Sources.CATALOG)),
                budget -> titled(caller, items(sources.recommendations(caller, profileId, sizes.recommendations(), budget)), budget));
        screen.join();
        Long viewerProfile = profileId != null ? profileId
                : profiles.value().filter(list -> !list.isEmpty()).map(list -> list.get(0).path("id").asLong()).orElse(null);
        return new Home(user.value().orElse(null), viewerProfile, entitlement.value().orElse(null),
                watching.value().orElse(List.of()), recommended.value().orElse(List.of()), newReleases.value().orElse(List.of()),
                screen.degraded());
    }

    public Browse browse(Forwarded caller, String query) {
        FanOut.Screen screen = fanOut.screen();
        Part<JsonNode> result = screen.fork(RESULTS, timeout(Sources.CATALOG), budget -> sources.search(caller, query, budget));
        screen.join();
        return new Browse(result.value().orElse(null), screen.degraded());
    }

    /** The title screen; without its title (the catalog down or late) there is no screen: 503. */
    public Title title(Forwarded caller, long id, Long profileId, Long episodeId, int similarLimit) {
        FanOut.Screen screen = fanOut.screen();
        Part<JsonNode> title = screen.fork("title", timeout(Sources.CATALOG), budget -> sources.title(caller, id, budget));
        Part<JsonNode> plans = screen.fork(PLANS, timeout(Sources.DISCOUNTS), budget -> sources.plans(caller, budget));
        Part<List<JsonNode>> similar = screen.fork(SIMILAR, timeout(Sources.CATALOG).plus(timeout(Sources.CATALOG)), budget -> {
            JsonNode subject = title.value().orElseThrow(() -> new DependencyFailedException("no title to be similar to"));
            String genre = subject.path("genres").path(0).asString(null);
            if (genre == null) {
                return List.of();
            }
            List<JsonNode> hits = items(sources.search(caller, Sources.query("genre", genre, "sort", "rating",
                    "limit", String.valueOf(similarLimit + 1)), budget));
            return hits.stream().filter(hit -> hit.path("id").asLong() != id).limit(similarLimit).toList();
        });
        Part<JsonNode> availability = null;
        Part<JsonNode> viewer = null;
        if (caller.signedIn()) {
            // A series plays by episode: without one asked for, its first (which needs the title first).
            Duration availabilityBudget = episodeId == null ? timeout(Sources.CATALOG).plus(timeout(Sources.CONTENT)) : timeout(Sources.CONTENT);
            availability = screen.fork(AVAILABILITY, availabilityBudget, deadline -> {
                Long episode = episodeId != null ? episodeId : title.value().map(Screens::firstEpisode).orElse(null);
                return sources.availability(caller, id, profileId, episode, deadline);
            });
            viewer = screen.fork(VIEWER, timeout(Sources.PROFILE), budget -> sources.viewerTitle(caller, id, profileId, budget));
        }
        screen.join();
        JsonNode subject = title.value().orElseThrow(() -> new UnavailableException("the catalog did not answer in time: try again", title.failure().orElse(null)));
        List<String> degraded = screen.degraded().stream().filter(name -> !name.equals("title")).toList();
        return new Title(subject, availability == null ? null : availability.value().orElse(null), plans.value().orElse(null),
                viewer == null ? null : viewer.value().orElse(null), similar.value().orElse(List.of()), degraded);
    }

    /** The account screen (a token is required: the caller checks); without the account (identity down or late): 503. */
    public Account account(Forwarded caller, int receiptsLimit) {
        FanOut.Screen screen = fanOut.screen();
        Part<JsonNode> user = screen.fork("user", timeout(Sources.IDENTITY), budget -> sources.me(caller, budget));
        Part<JsonNode> profiles = screen.fork(PROFILES, timeout(Sources.PROFILE), budget -> sources.profiles(caller, budget));
        Part<Optional<JsonNode>> subscription = screen.fork(SUBSCRIPTION, timeout(Sources.SUBSCRIPTIONS),
                budget -> sources.subscription(caller, budget));
        Part<JsonNode> receipts = screen.fork(RECEIPTS, timeout(Sources.PAYMENTS), budget -> sources.payments(caller, receiptsLimit, budget));
        Part<Optional<JsonNode>> loyalty = screen.fork(LOYALTY, timeout(Sources.DISCOUNTS), budget -> sources.loyalty(caller, budget));
        Part<Optional<JsonNode>> preferences = screen.fork(NOTIFICATION_PREFERENCES, timeout(Sources.NOTIFICATIONS),
                budget -> sources.notificationPreferences(caller, budget));
        screen.join();
        JsonNode account = user.value().orElseThrow(() -> new UnavailableException("identity did not answer in time: try again", user.failure().orElse(null)));
        List<String> degraded = screen.degraded().stream().filter(name -> !name.equals("user")).toList();
        return new Account(account, profiles.value().orElse(null), subscription.value().flatMap(o -> o).orElse(null),
                receipts.value().orElse(null), loyalty.value().flatMap(o -> o).orElse(null),
                preferences.value().flatMap(o -> o).orElse(null), degraded);
    }

    /** The items' titles from the catalog at once; an item whose title the catalog no longer has (or did not give in time) is left out. */
    private List<Titled> titled(Forwarded caller, List<JsonNode> items, Budget budget) {
        List<JsonNode> titles = fanOut.each(items, budget,
                item -> sources.findTitle(caller, item.path("title_id").asLong(), budget).orElse(null));
        List<Titled> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (titles.get(i) != null) {
                result.add(new Titled(items.get(i), titles.get(i)));
            }
        }
        return result;
    }

    /** A series' first episode (the first season's first), null for a movie or a series without episodes. */
    static Long firstEpisode(JsonNode title) {
        if (!"series".equals(title.path("kind").asString(""))) {
            return null;
        }
        for (JsonNode season : title.path("seasons").values()) {
            for (JsonNode episode : season.path("episodes").values()) {
                return episode.path("id").asLong();
            }
        }
        return null;
    }

    /** A list answer's items: the array itself, or its {@code items}. */
    public static List<JsonNode> items(JsonNode answer) {
        JsonNode list = answer.isArray() ? answer : answer.path("items");
        List<JsonNode> items = new ArrayList<>();
        list.values().forEach(items::add);
        return items.stream().filter(Objects::nonNull).toList();
    }

    private Duration timeout(String dependency) {
        return settings.dependency(dependency).timeout();
    }
}
