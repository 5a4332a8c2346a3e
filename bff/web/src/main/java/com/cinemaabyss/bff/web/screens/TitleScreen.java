package com.cinemaabyss.bff.web.screens;

import com.cinemaabyss.bff.kit.Fields;
import com.cinemaabyss.bff.kit.Forwarded;
import com.cinemaabyss.bff.kit.Screens;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/web/titles/{id}} (docs/bff-api.md). */
public record TitleScreen(Details title, Availability availability, List<Plan> plans, ViewerState viewer,
                          List<Cards.Similar> similar, List<String> degraded) {

    public record Details(@JsonProperty("title_id") long titleId, String kind, String title,
                          @JsonProperty("original_title") String originalTitle, String description, List<String> genres,
                          List<String> countries, @JsonProperty("original_language") String originalLanguage,
                          @JsonProperty("release_year") Integer releaseYear, @JsonProperty("age_rating") Integer ageRating,
                          @JsonProperty("runtime_min") Integer runtimeMin, JsonNode images, JsonNode rating, JsonNode people,
                          List<Season> seasons) {

        public static Details of(JsonNode title) {
            List<Season> seasons = new ArrayList<>();
            for (JsonNode season : title.path("seasons").values()) {
                List<Episode> episodes = new ArrayList<>();
                for (JsonNode episode : season.path("episodes").values()) {
                    episodes.add(new Episode(episode.path("id").asLong(), Fields.integer(episode, "number"), Fields.text(episode, "title"),
                            Fields.integer(episode, "runtime_min"), Fields.text(episode, "description")));
                }
                seasons.add(new Season(Fields.integer(season, "number"), Fields.text(season, "title"), episodes));
            }
            return new Details(title.path("id").asLong(), Fields.text(title, "kind"), Fields.text(title, "title"),
                    Fields.text(title, "original_title"), Fields.text(title, "description"), Fields.texts(title, "genres"),
                    Fields.texts(title, "countries"), Fields.text(title, "original_language"), Fields.integer(title, "release_year"),
                    Fields.integer(title, "age_rating"), Fields.integer(title, "runtime_min"), Fields.node(title, "images"),
                    Fields.node(title, "rating"), Fields.node(title, "people"), seasons);
        }
    }

    public record Season(Integer number, String title, List<Episode> episodes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Episode(@JsonProperty("episode_id") long episodeId, Integer number, String title,
                          @JsonProperty("runtime_min") Integer runtimeMin, String description) {
    }

    public record Availability(String region, boolean playable, String reason) {

        /** Content's answer; for an anonymous viewer: sign in first. */
        public static Availability of(JsonNode availability, Forwarded caller) {
            if (!caller.signedIn()) {
                return new Availability(caller.clientCountry(), false, "sign_in_required");
            }
            if (availability == null) {
                return null;
            }
            String region = Fields.text(availability, "region");
            return new Availability(region != null ? region : caller.clientCountry(), availability.path("playable").asBoolean(false),
                    Fields.text(availability, "reason"));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Plan(@JsonProperty("plan_id") String planId, String name, String period,
                       @JsonProperty("trial_days") Integer trialDays, List<Price> prices) {

        public static List<Plan> all(JsonNode plans) {
            if (plans == null) {
                return List.of();
            }
            return Screens.items(plans).stream().map(plan -> new Plan(Fields.text(plan, "id"), Fields.text(plan, "name"),
                    Fields.text(plan, "period"), Fields.integer(plan, "trial_days"), Price.all(plan.path("prices")))).toList();
        }
    }

    public record Price(String currency, @JsonProperty("price_minor") long priceMinor) {

        static List<Price> all(JsonNode prices) {
            List<Price> all = new ArrayList<>();
            for (var entry : prices.properties()) {
                if (entry.getValue().isIntegralNumber()) {
                    all.add(new Price(entry.getKey(), entry.getValue().asLong()));
                }
            }
            all.sort((a, b) -> a.currency().compareTo(b.currency()));
            return all;
        }
    }

    public record ViewerState(@JsonProperty("profile_id") Long profileId, Integer rating, boolean favorite, JsonNode progress) {

        public static ViewerState of(JsonNode viewer) {
            return viewer == null ? null : new ViewerState(Fields.number(viewer, "profile_id"), Fields.integer(viewer, "rating"),
                    viewer.path("favorite").asBoolean(false), Fields.node(viewer, "progress"));
        }
    }

    public static TitleScreen of(Screens.Title screen, Forwarded caller) {
        return new TitleScreen(Details.of(screen.title()), Availability.of(screen.availability(), caller), Plan.all(screen.plans()),
                ViewerState.of(screen.viewer()), screen.similar().stream().map(Cards.Similar::of).toList(), screen.degraded());
    }
}
