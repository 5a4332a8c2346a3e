package com.cinemaabyss.recommendations;

import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import com.cinemaabyss.recommendations.store.TitleStore;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * recommendations on the shared DynamoDB Local, with access tokens from TestIdentity, in front of the reference engine
 * (in-process, behind {@link EngineFront}, which can also fail, be slow or be gone). Every test uses its own ids and
 * genres: the shared tables hold other tests' titles too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cinemaabyss.eventing.delivery-token=" + Events.TOKEN,
        "cinemaabyss.recommendations.engine.breaker.open-for=10m",
        "cinemaabyss.recommendations.engine.flush-every=20ms",
        // Every answer reads the candidates afresh: the tests add titles and look at once (PopularTitlesTest covers the refresh).
        "cinemaabyss.recommendations.popular-refresh=0s"})
class RecommendationsIT {

    private static final EngineFront ENGINE = new EngineFront();
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
        TestIdentity.shared().properties().forEach(registry::add);
        registry.add("cinemaabyss.recommendations.engine.url", ENGINE::url);
    }

    @AfterAll
    static void stop() {
        ENGINE.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreaker breaker;

    @Autowired
    TitleStore titles;

    @BeforeEach
    void engineUp() {
        ENGINE.mode(EngineFront.Mode.REFERENCE);
        breaker.reset();
    }

    private TestHttp http() {
        return TestHttp.at(port);
    }

    private static long id() {
        return IDS.incrementAndGet();
    }

    private void title(long id, String name, String status, String... genres) {
        HttpResponse<String> r = Events.deliver(http(), "title-changes", Events.TITLE, Events.title(id, 1, name, status, List.of(genres)));
        assertEquals(200, r.statusCode() / 100 * 100, r.body());
    }

    private void event(String topic, String type, String data) {
        HttpResponse<String> r = Events.deliver(http(), topic, type, data);
        assertEquals(200, r.statusCode() / 100 * 100, r.body());
    }

    private void view(long user, long profile, long title) {
        event("playback-events", Events.PLAYBACK, Events.playback(user, profile, title));
    }

    private HttpResponse<String> recommendations(long user, String query) {
        return http().get("/api/v1/me/recommendations" + query, "Authorization", TestIdentity.shared().bearer(user));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static List<Long> ids(JsonNode answer) {
        List<Long> out = new ArrayList<>();
        answer.path("items").forEach(item -> out.add(item.path("title_id").asLong()));
        return out;
    }

    @Test
    void eventsAreConsumedOnceAndOlderTitleVersionsChangeNothing() {
        long t = id();
        String genre = "G" + t;
        assertEquals(200, Events.deliver(http(), "title-changes", Events.TITLE, Events.title(t, 2, "Second", "published", List.of(genre))).statusCode() / 100 * 100);
        Events.deliver(http(), "title-changes", Events.TITLE, Events.title(t, 1, "First", "published", List.of(genre)));
        assertEquals(0.0, titles.popularity(t).orElseThrow());

        String playback = Events.playback(id(), id(), t);
        String eventId = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Events.deliver(http(), "playback-events", Events.PLAYBACK, eventId, playback).statusCode() / 100 * 100);
        }
        double once = titles.popularity(t).orElseThrow();
        assertTrue(once > 0, "a start counts");
        Events.deliver(http(), "playback-events", Events.PLAYBACK, playback);
        assertEquals(2 * once, titles.popularity(t).orElseThrow(), once * 1e-9, "another event counts again; the redeliveries did not");

        long user = id();
        long profile = id();
        event("profile-events", Events.PROGRESS, Events.progress(user, profile, t, false));
        JsonNode answer = json(recommendations(user, "?profile_id=" + profile + "&limit=50"));
        assertEquals("Second", find(answer, t).path("title").asString(), "the newer version's name: " + answer);

        // A contract breach is a 400 (dead-lettered), another type on the topic is acknowledged and ignored.
        HttpResponse<String> breach = Events.deliver(http(), "profile-events", Events.RATING_SET,
                "{\"profile_id\":1,\"user_id\":1,\"title_id\":1,\"rating\":11,\"rated_at\":\"" + Events.NOW + "\"}");
        assertTrue(TestHttp.isJsonError(breach, 400, "rating"), breach.statusCode() + " " + breach.body());
        assertEquals(2, Events.deliver(http(), "profile-events", "com.cinemaabyss.profile.profile.upserted.v1", "{}").statusCode() / 100);
    }

    private static JsonNode find(JsonNode answer, long titleId) {
        for (JsonNode item : answer.path("items")) {
            if (item.path("title_id").asLong() == titleId) {
                return item;
            }
        }
        throw new AssertionError("title " + titleId + " is not in " + answer);
    }

    @Test
    void afterAFewViewsTheEngineRecommendsWhatOthersWatchedTooButNeverFinishedOrWithdrawnTitles() throws Exception {
        long a = id(), b = id(), c = id(), gone = id(), done = id();
        title(a, "Solaris", "published", "Drama");
        title(b, "Stalker", "published", "Drama");
        title(c, "Mirror", "published", "Drama");
        title(gone, "Withdrawn one", "withdrawn", "Drama");
        title(done, "Already seen", "published", "Drama");
        for (int n = 0; n < 2; n++) {
            long user = id(), profile = id();
            for (long t : List.of(a, b, gone, done)) {
                view(user, profile, t);
            }
        }
        long other = id(), otherProfile = id();
        view(other, otherProfile, a);
        view(other, otherProfile, c);
        long me = id(), mine = id();
        view(me, mine, a);
        event("profile-events", Events.PROGRESS, Events.progress(me, mine, done, true));

        JsonNode answer = awaitSource(me, "?profile_id=" + mine + "&limit=2", "engine");
        assertEquals(mine, answer.path("profile_id").asLong());
        assertEquals(List.of(b, c), ids(answer), answer.toString());
        assertEquals("Stalker", answer.path("items").get(0).path("title").asString());
        assertEquals("because you watched Solaris", answer.path("items").get(0).path("reason").asString());
        assertEquals(List.of("Drama"), List.of(answer.path("items").get(0).path("genres").get(0).asString()));
        // Without profile_id: the account's first profile the events named.
        assertEquals(answer, json(recommendations(me, "?limit=2")));

        // The engine restarts empty: it knows nothing, the fallback answers (never an empty screen).
        ENGINE.restartEngineEmpty();
        JsonNode after = json(recommendations(me, "?profile_id=" + mine + "&limit=5"));
        assertEquals("fallback", after.path("source").asString(), after.toString());
        assertFalse(after.path("items").isEmpty());
        assertFalse(ids(after).contains(done), "finished: " + after);
        assertFalse(ids(after).contains(gone), "withdrawn: " + after);
    }

    private JsonNode awaitSource(long user, String query, String source) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode answer;
        do {
            HttpResponse<String> r = recommendations(user, query);
            assertEquals(200, r.statusCode(), r.body());
            answer = json(r);
            if (source.equals(answer.path("source").asString())) {
                return answer;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("never from " + source + ": " + answer);
    }

    /** Titles in a genre no other test uses, more popular the later they come; the profile loves the genre and finished one. */
    private record Taste(long user, long profile, String genre, List<Long> inGenre, long finished, long loved) {
    }

    private Taste taste() {
        long user = id(), profile = id();
        String genre = "Noir" + profile;
        List<Long> inGenre = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long t = id();
            title(t, "Noir " + i, "published", genre);
            inGenre.add(t);
            for (int v = 0; v <= i; v++) {
                view(id(), id(), t);
            }
        }
        long loved = id();
        title(loved, "Loved", "published", genre, "Crime");
        event("profile-events", Events.FAVORITE_ADDED, Events.favorite(user, profile, loved, Events.NOW));
        event("profile-events", Events.RATING_SET, Events.rating(user, profile, loved, 9));
        event("profile-events", Events.PROGRESS, Events.progress(user, profile, inGenre.get(3), true));
        return new Taste(user, profile, genre, inGenre, inGenre.get(3), loved);
    }

    private void assertFallbackForTaste(Taste taste, HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = json(response);
        assertEquals("fallback", answer.path("source").asString(), answer.toString());
        List<Long> got = ids(answer);
        // The loved title has a favourite and a high rating (popularity 4 in today's scale), Noir i has i + 1 views, Noir 3 is finished.
        assertEquals(List.of(taste.loved(), taste.inGenre().get(2), taste.inGenre().get(1), taste.inGenre().get(0)), got.subList(0, 4),
                "popular in the favourite genre first, most popular first, the finished one left out: " + answer);
        assertEquals("popular in " + taste.genre(), answer.path("items").get(0).path("reason").asString());
        assertFalse(got.contains(taste.finished()), answer.toString());
        // Topped up with what is popular overall: other tests' titles (the shared table), as many as there are.
        assertTrue(got.size() <= 10, answer.toString());
        for (int i = 4; i < got.size(); i++) {
            assertFalse(answer.path("items").get(i).path("reason").asString().equals("popular in " + taste.genre()), answer.toString());
        }
    }

    @Test
    void withTheEngineStoppedTheFallbackAnswersPopularInTheFavouriteGenres() {
        Taste taste = taste();
        ENGINE.stop();
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = recommendations(taste.user(), "?profile_id=" + taste.profile() + "&limit=10");
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 3_000);
            assertFallbackForTaste(taste, response);
        } finally {
            ENGINE.start();
        }
    }

    @Test
    void aSlowEngineIsNotWaitedForBeyondTheBudget() {
        Taste taste = taste();
        ENGINE.mode(EngineFront.Mode.SLOW);
        long started = System.nanoTime();
        HttpResponse<String> response = recommendations(taste.user(), "?profile_id=" + taste.profile() + "&limit=10");
        long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        // The engine sleeps 3 s; the adapter waits 300 ms for it. Generous bound for a busy shared machine.
        assertTrue(tookMs < 2_000, "took " + tookMs + " ms");
        assertFallbackForTaste(taste, response);
    }

    @Test
    void repeatedFailuresOpenTheBreakerAndThenNoCallReachesTheEngine() {
        Taste taste = taste();
        ENGINE.mode(EngineFront.Mode.FAILING);
        int before = ENGINE.recommendationCalls.get();
        for (int i = 0; i < 5; i++) {
            assertFallbackForTaste(taste, recommendations(taste.user(), "?profile_id=" + taste.profile() + "&limit=10"));
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker.getState());
        int reached = ENGINE.recommendationCalls.get();
        assertTrue(reached - before >= 5, "the failures reached the engine: " + (reached - before));
        ENGINE.mode(EngineFront.Mode.REFERENCE);
        for (int i = 0; i < 5; i++) {
            assertFallbackForTaste(taste, recommendations(taste.user(), "?profile_id=" + taste.profile() + "&limit=10"));
        }
        assertEquals(reached, ENGINE.recommendationCalls.get(), "no call while the breaker is open");
    }

    @Test
    void aNewAccountGetsWhatIsPopularAndBadRequestsAreJsonErrors() {
        long t = id();
        title(t, "Published", "published", "Drama");
        long stranger = id();
        JsonNode answer = json(recommendations(stranger, "?limit=3"));
        assertEquals("fallback", answer.path("source").asString());
        assertTrue(answer.path("profile_id").isNull(), answer.toString());
        assertEquals(3, answer.path("items").size(), answer.toString());
        assertEquals(3, json(recommendations(stranger, "?limit=3&profile_id=" + id())).path("items").size(), "a profile no event named yet");

        long owner = id(), profile = id(), title = id();
        title(title, "Owned", "published", "Drama");
        view(owner, profile, title);
        assertTrue(TestHttp.isJsonError(recommendations(stranger, "?profile_id=" + profile), 404, "not found"));
        view(stranger, profile, title);
        assertTrue(TestHttp.isJsonError(recommendations(stranger, "?profile_id=" + profile), 404, "not found"),
                "an event naming another account for a known profile does not hand it over");
        assertEquals(200, recommendations(owner, "?profile_id=" + profile).statusCode());
        assertEquals(401, http().get("/api/v1/me/recommendations").statusCode());
        for (String bad : List.of("?limit=0", "?limit=51", "?limit=x", "?limit=99999999999")) {
            assertTrue(TestHttp.isJsonError(recommendations(owner, bad), 400, "limit"), bad);
        }
        for (String bad : List.of("?profile_id=0", "?profile_id=-1", "?profile_id=abc", "?profile_id=9007199254740992")) {
            assertTrue(TestHttp.isJsonError(recommendations(owner, bad), 400, "profile_id"), bad);
        }
        assertEquals(50, json(recommendations(owner, "?limit=50")).path("items").size() <= 50 ? 50 : -1);
        assertEquals(403, http().post("/internal/events/profile-events", "{}").statusCode());
    }
}
