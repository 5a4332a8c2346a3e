package com.cinemaabyss.profile;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** profile on the shared Kafka and DynamoDB Local, with access tokens from TestIdentity and a stand-in for subscriptions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cinemaabyss.eventing.delivery-token=" + Titles.TOKEN})
class ProfileIT {

    private static final EntitlementStub SUBSCRIPTIONS = new EntitlementStub();
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
        TestIdentity.shared().properties().forEach(registry::add);
        registry.add("cinemaabyss.profile.entitlements.url", SUBSCRIPTIONS::url);
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(Topics.PROFILE_EVENTS, 1, (short) 1)));
    }

    @AfterAll
    static void stop() {
        SUBSCRIPTIONS.close();
    }

    @LocalServerPort
    int port;

    private TestHttp http() {
        return TestHttp.at(port);
    }

    private static String user() {
        return TestIdentity.shared().bearer(IDS.incrementAndGet());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void theFirstUseCreatesAProfileInTheContractShapeAndAnotherAccountCannotSeeIt() {
        String me = user();
        HttpResponse<String> list = http().get("/api/v1/me/profiles", "Authorization", me);
        assertEquals(200, list.statusCode(), list.body());
        JsonNode profiles = json(list);
        assertEquals(1, profiles.size(), list.body());
        long id = profiles.get(0).path("id").asLong();
        HttpResponse<String> one = http().get("/api/v1/me/profiles/" + id, "Authorization", me);
        assertEquals(200, one.statusCode(), one.body());
        JsonNode p = json(one);
        assertEquals("Main", p.path("name").asString());
        assertEquals("en", p.path("language").asString());
        assertEquals(18, p.path("max_age_rating").asInt());
        assertFalse(p.path("kids").asBoolean());
        assertTrue(p.path("created_at").asString().endsWith("Z"), one.body());
        assertEquals(List.of("created_at", "id", "kids", "language", "max_age_rating", "name"),
                p.propertyNames().stream().sorted().toList());
        assertEquals(1, json(http().get("/api/v1/me/profiles", "Authorization", me)).size(), "the default is made once");

        assertTrue(TestHttp.isJsonError(http().get("/api/v1/me/profiles/" + id, "Authorization", user()), 404, "not found"));
        assertTrue(TestHttp.isJsonError(http().get("/api/v1/me/favorites?profile_id=" + id, "Authorization", user()), 404, "not found"));
        assertEquals(401, http().get("/api/v1/me/profiles").statusCode());
    }

    @Test
    void profilesAreCreatedUpToThePlansLimitAndRetriesAreIdempotent() {
        String me = user();
        SUBSCRIPTIONS.plan(me, 3);
        HttpResponse<String> kids = http().post("/api/v1/me/profiles", "{\"name\":\"Masha\",\"language\":\"ru-RU\",\"kids\":true}",
                "Authorization", me, "Idempotency-Key", "kids-1");
        assertEquals(201, kids.statusCode(), kids.body());
        assertEquals(6, json(kids).path("max_age_rating").asInt(), "a kids profile starts at 6+");
        HttpResponse<String> again = http().post("/api/v1/me/profiles", "{\"name\":\"Masha\",\"language\":\"ru-RU\",\"kids\":true}",
                "Authorization", me, "Idempotency-Key", "kids-1");
        assertEquals(kids.body(), again.body(), "the retry replays the first answer");
        assertEquals(2, json(http().get("/api/v1/me/profiles", "Authorization", me)).size());
        assertEquals(201, http().post("/api/v1/me/profiles", "{\"name\":\"Dad\",\"max_age_rating\":16}", "Authorization", me).statusCode());
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/profiles", "{\"name\":\"Fourth\"}", "Authorization", me), 409, "limit"));

        String noPlan = user();
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/profiles", "{\"name\":\"Second\"}", "Authorization", noPlan), 409,
                "allows 1 profile"));
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/profiles", "{\"name\":\"K\",\"kids\":true,\"max_age_rating\":18}",
                "Authorization", me), 400, "max_age_rating"));
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/profiles", "{\"name\":\"K\",\"max_age_rating\":15}",
                "Authorization", me), 400, "max_age_rating"));
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/profiles", "{\"name\":\"" + "x".repeat(51) + "\"}",
                "Authorization", me), 400, "name"));
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/profiles", "{\"name\":\"K\",\"language\":\"english please\"}",
                "Authorization", me), 400, "language"));
    }

    @Test
    void theLimitHoldsUnderConcurrentCreates() throws Exception {
        String me = user();
        SUBSCRIPTIONS.plan(me, 4);
        http().get("/api/v1/me/profiles", "Authorization", me);
        List<Callable<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            creates.add(() -> http().post("/api/v1/me/profiles", "{\"name\":\"P" + n + "\"}", "Authorization", me).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(12)) {
            for (Future<Integer> f : pool.invokeAll(creates)) {
                statuses.add(f.get());
            }
        }
        assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
        assertEquals(4, json(http().get("/api/v1/me/profiles", "Authorization", me)).size());
    }

    @Test
    void subscriptionsUnreachableIsA503AndNothingIsCreated() {
        String me = user();
        SUBSCRIPTIONS.breakFor(me);
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/profiles", "{\"name\":\"Second\"}", "Authorization", me), 503, "retry"));
        assertEquals(1, json(http().get("/api/v1/me/profiles", "Authorization", me)).size());
    }

    @Test
    void profilesAreUpdatedAndDeletedButTheLastOneStays() {
        String me = user();
        SUBSCRIPTIONS.plan(me, 2);
        long first = json(http().get("/api/v1/me/profiles", "Authorization", me)).get(0).path("id").asLong();
        assertTrue(TestHttp.isJsonError(http().send(http().request("/api/v1/me/profiles/" + first, "Authorization", me).DELETE()), 409, "last"));
        long second = TestHttp.idOf(http().post("/api/v1/me/profiles", "{\"name\":\"Two\"}", "Authorization", me).body());
        HttpResponse<String> renamed = http().put("/api/v1/me/profiles/" + second, "{\"name\":\"Kid\",\"kids\":true,\"max_age_rating\":12}", "Authorization", me);
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("Kid", json(renamed).path("name").asString());
        assertTrue(json(renamed).path("kids").asBoolean());
        assertTrue(TestHttp.isJsonError(http().put("/api/v1/me/profiles/" + second, "{\"max_age_rating\":16}", "Authorization", me), 400, "kids"));
        assertTrue(TestHttp.isJsonError(http().put("/api/v1/me/profiles/" + second, "{\"name\":\"X\"}", "Authorization", user()), 404, "not found"));
        assertEquals(204, http().send(http().request("/api/v1/me/profiles/" + second, "Authorization", me).DELETE()).statusCode());
        assertTrue(TestHttp.isJsonError(http().get("/api/v1/me/profiles/" + second, "Authorization", me), 404, "not found"));
        assertEquals(201, http().post("/api/v1/me/profiles", "{\"name\":\"Again\"}", "Authorization", me).statusCode(), "its place is free again");
    }

    @Test
    void favouritesArePerProfileNewestFirstPagedAndEachChangeIsPublishedOnce() {
        String me = user();
        SUBSCRIPTIONS.plan(me, 2);
        long main = json(http().get("/api/v1/me/profiles", "Authorization", me)).get(0).path("id").asLong();
        long other = TestHttp.idOf(http().post("/api/v1/me/profiles", "{\"name\":\"Two\"}", "Authorization", me).body());
        for (long title : List.of(11L, 12L, 13L)) {
            assertEquals(200, http().put("/api/v1/me/favorites/" + title, "", "Authorization", me).statusCode());
            sleep();
        }
        assertEquals(200, http().put("/api/v1/me/favorites/11", "", "Authorization", me).statusCode(), "adding twice is fine");
        assertEquals(200, http().put("/api/v1/me/favorites/99?profile_id=" + other, "", "Authorization", me).statusCode());

        JsonNode first = json(http().get("/api/v1/me/favorites?limit=2", "Authorization", me));
        assertEquals(List.of(13L, 12L), titles(first.path("items")));
        String cursor = first.path("next_cursor").asString();
        JsonNode second = json(http().get("/api/v1/me/favorites?limit=2&cursor=" + cursor + "&profile_id=" + main, "Authorization", me));
        assertEquals(List.of(11L), titles(second.path("items")));
        assertTrue(second.path("next_cursor").isNull());
        assertEquals(List.of(99L), titles(json(http().get("/api/v1/me/favorites?profile_id=" + other, "Authorization", me)).path("items")));

        assertEquals(204, http().send(http().request("/api/v1/me/favorites/12", "Authorization", me).DELETE()).statusCode());
        assertEquals(204, http().send(http().request("/api/v1/me/favorites/12", "Authorization", me).DELETE()).statusCode());
        assertEquals(List.of(13L, 11L), titles(json(http().get("/api/v1/me/favorites", "Authorization", me)).path("items")));
        assertTrue(TestHttp.isJsonError(http().get("/api/v1/me/favorites?cursor=x", "Authorization", me), 400, "cursor"));

        List<CloudEvent> events = EventsOnKafka.about(Topics.PROFILE_EVENTS, main, 4, Duration.ofSeconds(2));
        assertEquals(List.of("favorite.added.v1", "favorite.added.v1", "favorite.added.v1", "favorite.removed.v1"), EventsOnKafka.types(events));
        assertTrue(EventsOnKafka.data(events.getFirst()).contains("\"user_id\":" + userIdOf(me)), EventsOnKafka.data(events.getFirst()));
    }

    @Test
    void ratingsAreSetChangedAndRemovedWithOneEventPerChange() {
        String me = user();
        long main = json(http().get("/api/v1/me/profiles", "Authorization", me)).get(0).path("id").asLong();
        HttpResponse<String> rated = http().put("/api/v1/me/ratings/21", "{\"rating\":8}", "Authorization", me);
        assertEquals(200, rated.statusCode(), rated.body());
        assertEquals(8, json(rated).path("rating").asInt());
        assertEquals(200, http().put("/api/v1/me/ratings/21", "{\"rating\":8}", "Authorization", me).statusCode());
        assertEquals(9, json(http().put("/api/v1/me/ratings/21", "{\"rating\":9}", "Authorization", me)).path("rating").asInt());
        assertTrue(TestHttp.isJsonError(http().put("/api/v1/me/ratings/21", "{\"rating\":11}", "Authorization", me), 400, "rating"));
        assertTrue(TestHttp.isJsonError(http().put("/api/v1/me/ratings/21", "{\"rating\":0}", "Authorization", me), 400, "rating"));
        assertTrue(TestHttp.isJsonError(http().put("/api/v1/me/ratings/0", "{\"rating\":5}", "Authorization", me), 400, "title_id"));
        http().put("/api/v1/me/favorites/21", "", "Authorization", me);
        JsonNode state = json(http().get("/api/v1/me/titles/21", "Authorization", me));
        assertEquals(main + " 21 9 true true", state.path("profile_id").asLong() + " " + state.path("title_id").asLong() + " "
                + state.path("rating").asInt() + " " + state.path("favorite").asBoolean() + " " + state.path("progress").isNull(), state.toString());
        JsonNode untouched = json(http().get("/api/v1/me/titles/22", "Authorization", me));
        assertTrue(untouched.path("rating").isNull() && !untouched.path("favorite").asBoolean(), untouched.toString());
        assertTrue(TestHttp.isJsonError(http().get("/api/v1/me/titles/21?profile_id=" + (main + 100000), "Authorization", me), 404, "profile"));
        JsonNode list = json(http().get("/api/v1/me/ratings", "Authorization", me)).path("items");
        assertEquals(1, list.size());
        assertEquals(9, list.get(0).path("rating").asInt());
        assertEquals(204, http().send(http().request("/api/v1/me/ratings/21", "Authorization", me).DELETE()).statusCode());
        assertEquals(0, json(http().get("/api/v1/me/ratings", "Authorization", me)).path("items").size());

        List<CloudEvent> events = EventsOnKafka.about(Topics.PROFILE_EVENTS, main, 3, Duration.ofSeconds(2));
        assertEquals(List.of("rating.set.v1", "rating.set.v1", "rating.removed.v1"),
                EventsOnKafka.types(events).stream().filter(type -> type.startsWith("rating")).toList());
        assertTrue(EventsOnKafka.data(events.get(1)).contains("\"rating\":9"));
    }

    @Test
    void progressFeedsContinueWatchingWithTheNextEpisodeAcrossSeasonsAndTheHistory() {
        long series = IDS.incrementAndGet() * 10;
        long e1 = series + 1, e2 = series + 2, e3 = series + 3;
        long movie = IDS.incrementAndGet() * 10;
        assertEquals(202, statusOf(Titles.deliver(http(), series, Titles.series(series, 1, List.of(List.of(e1, e2), List.of(e3))))));
        assertEquals(202, statusOf(Titles.deliver(http(), movie, Titles.movie(movie, 1))));
        String me = user();
        long main = json(http().get("/api/v1/me/profiles", "Authorization", me)).get(0).path("id").asLong();

        HttpResponse<String> finished = http().post("/api/v1/me/progress", "{\"episode_id\":" + e2 + ",\"position_s\":2700,\"duration_s\":2800}", "Authorization", me);
        assertEquals(200, finished.statusCode(), finished.body());
        assertEquals(series, json(finished).path("title_id").asLong(), "an episode's progress counts for its series");
        assertTrue(json(finished).path("finished").asBoolean(), "within the last 2 minutes");
        sleep();
        assertEquals(200, http().post("/api/v1/me/progress", "{\"title_id\":" + movie + ",\"position_s\":600,\"duration_s\":6000}", "Authorization", me).statusCode());

        JsonNode offers = json(http().get("/api/v1/me/continue-watching", "Authorization", me));
        assertEquals(2, offers.size(), offers.toString());
        assertEquals(movie, offers.get(0).path("title_id").asLong(), "most recent first");
        assertEquals(600, offers.get(0).path("position_s").asInt());
        assertEquals(e3, offers.get(1).path("episode_id").asLong(), "the episode after a finished one, in the next season: " + offers);
        assertEquals(2, offers.get(1).path("season").asInt());
        assertTrue(offers.get(1).path("next").asBoolean());

        sleep();
        http().post("/api/v1/me/progress", "{\"title_id\":" + movie + ",\"position_s\":5700,\"duration_s\":6000}", "Authorization", me);
        offers = json(http().get("/api/v1/me/continue-watching", "Authorization", me));
        assertEquals(List.of(series), titles(offers), "a finished movie drops out");
        sleep();
        http().post("/api/v1/me/progress", "{\"episode_id\":" + e3 + ",\"position_s\":100,\"duration_s\":3000}", "Authorization", me);
        offers = json(http().get("/api/v1/me/continue-watching", "Authorization", me));
        assertEquals(e3, offers.get(0).path("episode_id").asLong());
        assertEquals(100, offers.get(0).path("position_s").asInt());
        sleep();
        http().post("/api/v1/me/progress", "{\"episode_id\":" + e3 + ",\"position_s\":3000,\"duration_s\":3000}", "Authorization", me);
        assertEquals(0, json(http().get("/api/v1/me/continue-watching", "Authorization", me)).size(), "the last episode finished: nothing next");

        JsonNode state = json(http().get("/api/v1/me/titles/" + series, "Authorization", me)).path("progress");
        assertEquals(e3 + " true", state.path("episode_id").asLong() + " " + state.path("finished").asBoolean(), "the series' latest episode");

        JsonNode history = json(http().get("/api/v1/me/history?limit=2", "Authorization", me));
        assertEquals(e3, history.path("items").get(0).path("episode_id").asLong());
        assertEquals(movie, history.path("items").get(1).path("title_id").asLong());
        JsonNode rest = json(http().get("/api/v1/me/history?cursor=" + history.path("next_cursor").asString(), "Authorization", me));
        assertEquals(e2, rest.path("items").get(0).path("episode_id").asLong());

        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/progress", "{\"episode_id\":" + (e3 + 5) + ",\"position_s\":1,\"duration_s\":30}",
                "Authorization", me), 404, "episode"));
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/progress", "{\"title_id\":1,\"position_s\":31,\"duration_s\":30}",
                "Authorization", me), 400, "position_s"));
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/progress", "{\"title_id\":1,\"episode_id\":2,\"position_s\":1,\"duration_s\":30}",
                "Authorization", me), 400, "exactly one"));

        List<CloudEvent> events = EventsOnKafka.about(Topics.PROFILE_EVENTS, main, 5, Duration.ofSeconds(2));
        assertEquals(5, events.stream().filter(e -> e.getType().equals(EventTypes.PROFILE_PROGRESS_RECORDED)).count());
        assertTrue(EventsOnKafka.data(events.getFirst()).contains("\"episode_id\":" + e2) && EventsOnKafka.data(events.getFirst()).contains("\"finished\":true"));
    }

    @Test
    void titleChangesAreIdempotentAndOlderVersionsAreIgnored() {
        long series = IDS.incrementAndGet() * 10;
        long a = series + 1, b = series + 2, c = series + 3;
        String v2 = Titles.series(series, 2, List.of(List.of(a, c, b)));
        assertEquals(202, statusOf(Titles.deliver(http(), "same-" + series, series, v2)));
        assertEquals(202, statusOf(Titles.deliver(http(), "same-" + series, series, v2)), "a redelivery is acknowledged");
        assertEquals(202, statusOf(Titles.deliver(http(), series, Titles.series(series, 1, List.of(List.of(a, b), List.of(c))))),
                "an older version is acknowledged and ignored");
        String me = user();
        http().post("/api/v1/me/progress", "{\"episode_id\":" + a + ",\"position_s\":50,\"duration_s\":50}", "Authorization", me);
        JsonNode offers = json(http().get("/api/v1/me/continue-watching", "Authorization", me));
        assertEquals(c, offers.get(0).path("episode_id").asLong(), "version 2's order: " + offers);
        assertEquals(1, offers.get(0).path("season").asInt());

        // Version 3 drops episode c: b follows a.
        assertEquals(202, statusOf(Titles.deliver(http(), series, Titles.series(series, 3, List.of(List.of(a, b))))));
        offers = json(http().get("/api/v1/me/continue-watching", "Authorization", me));
        assertEquals(b, offers.get(0).path("episode_id").asLong(), offers.toString());
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/progress", "{\"episode_id\":" + c + ",\"position_s\":1,\"duration_s\":30}",
                "Authorization", me), 404, "episode"));

        assertTrue(TestHttp.isJsonError(Titles.deliver(http(), series, "{\"id\":" + series + ",\"kind\":\"series\"}"), 400, "schema"));
        assertNotEquals(202, Titles.deliver(http(), series, "{}").statusCode());
    }

    private static int statusOf(HttpResponse<String> response) {
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
        return 202;
    }

    private static List<Long> titles(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("title_id").asLong()));
        return ids;
    }

    /** The subject of an access token (TestIdentity's user id). */
    private static long userIdOf(String bearer) {
        byte[] claims = java.util.Base64.getUrlDecoder().decode(bearer.substring("Bearer ".length()).split("\\.")[1]);
        return JSON.readTree(claims).path("sub").asLong();
    }

    /** Newest-first lists sort by the millisecond: keep consecutive writes apart. */
    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
