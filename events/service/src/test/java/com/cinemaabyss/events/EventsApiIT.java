package com.cinemaabyss.events;

import com.cinemaabyss.contracts.EventContracts;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events service against a real Kafka broker and DynamoDB Local. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventsApiIT {

    private static final Pattern PARTITION = Pattern.compile("\"partition\":(\\d+),\"offset\":(\\d+)");
    private static final Pattern EVENT_ID = Pattern.compile("\"event\":\\{\"id\":\"([^\"]+)\"");
    private static final String FIFTY_ONE_GENRES = "[" + String.join(",", Collections.nCopies(51, "\"Drama\"")) + "]";

    @LocalServerPort
    int port;
    TestHttp http;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
    }

    @BeforeAll
    static void topics() {
        TopicReader.createEventTopics();
    }

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
    }

    @Test
    void healthAnswersTrue() {
        assertEquals("{\"status\":true}", http.get("/api/events/health").body());
    }

    @Test
    void theBenchmarksNoOpIngestIsClosedByDefault() {
        assertEquals(404, http.post("/bench/events/movie", "{\"movie_id\":7,\"title\":\"Stalker\",\"action\":\"viewed\"}").statusCode());
    }

    @Test
    void theAsyncApiDocumentIsServedAsYaml() {
        HttpResponse<String> response = http.get("/api/events/asyncapi.yaml");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"), response.headers().toString());
        assertEquals(EventContracts.load().asyncApiYaml(), response.body());
    }

    @Test
    void eachKindIsStoredOnItsTopicInBinaryModeKeyedByTheEntity() {
        assertStored(http.post("/api/events/movie", "{\"movie_id\":7,\"title\":\"Stalker\",\"action\":\"viewed\",\"user_id\":3}"),
                Topics.MOVIE_EVENTS, "7", EventTypes.MOVIE_EVENT, "\"title\":\"Stalker\"");
        assertStored(http.post("/api/events/user", "{\"user_id\":3,\"username\":\"neo\",\"action\":\"registered\",\"timestamp\":\"2026-11-24T10:00:00Z\"}"),
                Topics.USER_EVENTS, "3", EventTypes.USER_EVENT, "\"username\":\"neo\"");
        assertStored(http.post("/api/events/payment", "{\"payment_id\":11,\"user_id\":3,\"amount\":9.99,\"status\":\"completed\",\"timestamp\":\"2026-11-24T10:00:00Z\",\"method_type\":\"card\"}"),
                Topics.PAYMENT_EVENTS, "11", EventTypes.PAYMENT_EVENT, "\"amount\":9.99");
    }

    @Test
    void aRedeliveredEventIsProcessedOnce() {
        String id = UUID.randomUUID().toString();
        String body = "{\"payment_id\":5,\"user_id\":99,\"amount\":1.5,\"status\":\"failed\",\"timestamp\":\"2026-11-24T10:00:00Z\"}";
        long failedBefore = failedPayments(99);
        assertEquals(202, deliver("/internal/events/payment-events", id, EventTypes.PAYMENT_EVENT, body).statusCode());
        assertEquals(202, deliver("/internal/events/payment-events", id, EventTypes.PAYMENT_EVENT, body).statusCode());

        HttpResponse<String> ledger = http.get("/api/events/processed?id=" + id);
        assertEquals(200, ledger.statusCode(), ledger.body());
        assertTrue(ledger.body().contains("\"deliveries\":2") && ledger.body().contains("\"duplicates\":1")
                && ledger.body().contains("\"consumer\":\"payment-monitor\""), ledger.body());
        assertEquals(failedBefore + 1, failedPayments(99), "the second delivery must not count again");
    }

    @Test
    void ratingsAreAggregatedPerMovieAndReadByItsId() {
        long movieId = freshId();
        assertEquals(202, rate(movieId, 8).statusCode());
        assertEquals(202, rate(movieId, 6).statusCode());
        HttpResponse<String> response = http.get("/api/events/stats/movies/" + movieId);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"movie_id\":" + movieId + ",\"ratings\":{\"count\":2,\"sum\":14.0,\"average\":7.0}}", response.body());
        assertJsonError(http.get("/api/events/stats/movies/" + freshId()), 404, "has no ratings");
    }

    @Test
    void failedPaymentsAreCountedPerUserAndZeroForAUserWithout() {
        long userId = freshId();
        assertEquals(0, failedPayments(userId));
        assertEquals(202, failPayment(userId).statusCode());
        assertEquals("{\"user_id\":" + userId + ",\"failed_payments\":1}", http.get("/api/events/stats/users/" + userId).body());
    }

    @Test
    void perEntityStatsTakeOnlyPositiveSafeIntegers() {
        for (String id : List.of("0", "-1", "01", "1.5", "abc", "9007199254740992", "99999999999999999999", "%201")) {
            assertJsonError(http.get("/api/events/stats/movies/" + id), 400, "path parameter 'movie_id' must be a positive integer of at most 9007199254740991");
            assertJsonError(http.get("/api/events/stats/users/" + id), 400, "path parameter 'user_id' must be a positive integer of at most 9007199254740991");
        }
        assertEquals(200, http.get("/api/events/stats/users/9007199254740991").statusCode());
    }

    /** Rows per movie and per user grow with the ids; the overview reads only the fixed counters, by key. */
    @Test
    void statsAnswerOnlyTheFixedNamesHoweverManyIdsWereSeen() {
        long base = freshId();
        for (int i = 0; i < 25; i++) {
            assertEquals(202, rate(base + i, 5).statusCode());
            assertEquals(202, failPayment(base + i).statusCode());
        }
        HttpResponse<String> response = http.get("/api/events/stats");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode stats = JsonMapper.builder().build().readTree(response.body());
        Pattern fixed = Pattern.compile("type#com\\.cinemaabyss\\.events\\.(movie|user|payment)\\.recorded\\.v1"
                + "|movie-action#(viewed|rated|favorited|unfavorited|watchlisted|unwatchlisted|shared)"
                + "|user-action#(registered|logged_in|logged_out|profile_updated|password_changed|deleted)"
                + "|payment-status#(pending|completed|failed|refunded|cancelled)");
        assertTrue(stats.size() <= 21, response.body());
        stats.propertyNames().forEach(name -> assertTrue(fixed.matcher(name).matches(), name + " in " + response.body()));
        assertTrue(stats.path("movie-action#rated").path("count").asLong() >= 25, response.body());
        assertTrue(stats.path("payment-status#failed").path("count").asLong() >= 25, response.body());
        assertTrue(stats.path("type#" + EventTypes.MOVIE_EVENT).path("count").asLong() >= 25, response.body());
        String one = http.get("/api/events/stats/movies/" + (base + 24)).body();
        assertTrue(one.contains("\"ratings\":{\"count\":1,\"sum\":5.0,\"average\":5.0}"), one);
    }

    @Test
    void unknownActionsAndStatusesAreRefusedListingTheAllowedOnesAndPublishNothing() {
        long movies = TopicReader.size(Topics.MOVIE_EVENTS);
        long payments = TopicReader.size(Topics.PAYMENT_EVENTS);
        assertJsonError(http.post("/api/events/movie", "{\"movie_id\":1,\"title\":\"T\",\"action\":\"binged\"}"), 400,
                "field 'action' must be one of viewed, rated, favorited, unfavorited, watchlisted, unwatchlisted, shared");
        assertJsonError(http.post("/api/events/movie", "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\\r\\nx: y\"}"), 400,
                "field 'action' must be one of viewed,");
        assertJsonError(http.post("/api/events/movie", "{\"movie_id\":1,\"title\":\"T\",\"action\":\"rated\"}"), 400,
                "field 'rating' is required when action is rated");
        assertJsonError(http.post("/api/events/user", "{\"user_id\":1,\"action\":\"hacked\",\"timestamp\":\"2026-11-24T10:00:00Z\"}"), 400,
                "field 'action' must be one of registered, logged_in, logged_out, profile_updated, password_changed, deleted");
        HttpResponse<String> payment = http.post("/api/events/payment", "{\"payment_id\":1,\"user_id\":1,\"amount\":1,\"status\":\""
                + "s".repeat(50) + "\",\"timestamp\":\"2026-11-24T10:00:00Z\"}");
        assertJsonError(payment, 400, "field 'status' must be one of pending, completed, failed, refunded, cancelled");
        assertTrue(!payment.body().contains("sss"), "the refused value is not echoed: " + payment.body());
        assertEquals(movies, TopicReader.size(Topics.MOVIE_EVENTS), "a refused movie event must not be published");
        assertEquals(payments, TopicReader.size(Topics.PAYMENT_EVENTS), "a refused payment event must not be published");
    }

    @Test
    void consumersRefuseUnknownActionsByTheSchemaAndRecordNothing() {
        String id = UUID.randomUUID().toString();
        assertJsonError(deliver("/internal/events/movie-events", id, EventTypes.MOVIE_EVENT,
                "{\"movie_id\":1,\"title\":\"T\",\"action\":\"binged\"}"), 400, "field 'action' must be one of viewed,");
        assertJsonError(deliver("/internal/events/movie-events", id, EventTypes.MOVIE_EVENT,
                "{\"movie_id\":1,\"title\":\"T\",\"action\":\"rated\"}"), 400, "field 'rating' is required");
        assertJsonError(http.get("/api/events/processed?id=" + id), 404, "has not been processed");
    }

    @Test
    void identitysAccountEventsOnUserEventsAreAcknowledgedNotCountedNorDeadLettered() {
        String registered = UUID.randomUUID().toString();
        String loggedIn = UUID.randomUUID().toString();
        String statsBefore = http.get("/api/events/stats").body();
        assertEquals(202, deliver("/internal/events/user-events", registered, EventTypes.USER_REGISTERED,
                "{\"user_id\":2,\"email\":\"neo@matrix.io\",\"username\":\"neo\",\"roles\":[\"viewer\"],\"timestamp\":\"2026-11-25T10:00:00Z\"}").statusCode());
        assertEquals(202, deliver("/internal/events/user-events", loggedIn, EventTypes.USER_LOGGED_IN,
                "{\"user_id\":2,\"family_id\":\"" + UUID.randomUUID() + "\",\"timestamp\":\"2026-11-25T10:00:00Z\"}").statusCode());
        assertEquals(202, deliver("/internal/events/user-events", UUID.randomUUID().toString(), EventTypes.USER_PASSWORD_RESET_REQUESTED,
                "{\"user_id\":2,\"email\":\"neo@matrix.io\",\"token\":\"" + "A".repeat(43) + "\",\"expires_at\":\"2026-11-25T10:30:00Z\"}").statusCode());
        assertEquals(statsBefore, http.get("/api/events/stats").body(), "not counted as recorded user events");
        assertEquals(404, http.get("/api/events/processed?id=" + registered).statusCode());
        assertJsonError(deliver("/internal/events/user-events", UUID.randomUUID().toString(), EventTypes.USER_ROLES_CHANGED,
                "{\"user_id\":2,\"roles\":[\"root\"],\"previous_roles\":[\"viewer\"],\"changed_by\":4,\"timestamp\":\"2026-11-25T10:00:00Z\"}"),
                400, "roles");
        assertJsonError(deliver("/internal/events/user-events", UUID.randomUUID().toString(), EventTypes.USER_UPSERTED,
                "{\"id\":2,\"email\":\"neo@matrix.io\",\"username\":\"neo\",\"version\":1}"), 400, "takes CloudEvents of type");
    }

    @Test
    void consumersRefuseWhatIsNotTheirs() {
        assertTrue(TestHttp.isJsonError(http.post("/internal/events/user-events", "{\"user_id\":1}"), 400, "not a CloudEvent"));
        assertTrue(TestHttp.isJsonError(deliver("/internal/events/user-events", UUID.randomUUID().toString(), EventTypes.MOVIE_EVENT,
                "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\"}"), 400, "takes CloudEvents of type " + EventTypes.USER_EVENT));
        assertTrue(TestHttp.isJsonError(deliver("/internal/events/user-events", UUID.randomUUID().toString(), EventTypes.USER_EVENT,
                "{\"user_id\":1,\"action\":\"registered\"}"), 400, "field 'timestamp' is required"));
        assertTrue(TestHttp.isJsonError(http.get("/api/events/processed?id=nope"), 404, "has not been processed"));
        assertTrue(TestHttp.isJsonError(http.get("/api/events/processed"), 400, "query parameter 'id'"));
    }

    @Test
    void badInputGetsAClearJsonError() {
        assertTrue(TestHttp.isJsonError(http.post("/api/events/movie", "{\"movie_id\":1,"), 400, "malformed JSON"));
        assertTrue(TestHttp.isJsonError(http.post("/api/events/movie", "{\"title\":\"T\",\"action\":\"viewed\"}"), 400, "field 'movie_id' is required"));
        assertTrue(TestHttp.isJsonError(http.post("/api/events/movie", "{\"movie_id\":\"seven\",\"title\":\"T\",\"action\":\"viewed\"}"), 400, "field 'movie_id' has the wrong type"));
        assertTrue(TestHttp.isJsonError(http.post("/api/events/movie", "{\"movie_id\":1,\"title\":\"T\",\"action\":\"rated\",\"rating\":11}"), 400, "field 'rating'"));
        assertTrue(TestHttp.isJsonError(http.post("/api/events/payment", "{\"payment_id\":1,\"user_id\":1,\"amount\":-3,\"status\":\"completed\",\"timestamp\":\"2026-11-24T10:00:00Z\"}"), 400, "field 'amount' must not be negative"));
        assertTrue(TestHttp.isJsonError(http.post("/api/events/user", "{\"user_id\":1,\"action\":\"registered\",\"timestamp\":\"" + "9".repeat(70_000) + "\"}"), 413, "larger than"));
        assertTrue(TestHttp.isJsonError(http.get("/api/events/nothing"), 404, "no route"));
    }

    @Test
    void producersRefuseWhatOnlyTheSchemaForbidsAndPublishNothing() {
        // The genre limits may also be checked by the record (kit Checks); amount and movie_id bounds are the schema's alone.
        long movies = TopicReader.size(Topics.MOVIE_EVENTS);
        long payments = TopicReader.size(Topics.PAYMENT_EVENTS);
        assertJsonError(http.post("/api/events/movie", "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\",\"genres\":" + FIFTY_ONE_GENRES + "}"), 400, "field 'genres' must have at most 50 items");
        assertJsonError(http.post("/api/events/movie", "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\",\"genres\":[\"" + "x".repeat(101) + "\"]}"), 400, "field 'genres");
        assertJsonError(http.post("/api/events/movie", "{\"movie_id\":9007199254740992,\"title\":\"T\",\"action\":\"viewed\"}"), 400, "field 'movie_id' must be at most 9007199254740991");
        assertJsonError(http.post("/api/events/payment", "{\"payment_id\":1,\"user_id\":1,\"amount\":1000000.01,\"status\":\"completed\",\"timestamp\":\"2026-11-24T10:00:00Z\"}"), 400, "field 'amount' must be at most 1000000");
        assertEquals(movies, TopicReader.size(Topics.MOVIE_EVENTS), "a refused movie event must not be published");
        assertEquals(payments, TopicReader.size(Topics.PAYMENT_EVENTS), "a refused payment event must not be published");
    }

    @Test
    void consumersRefuseDataThatBreaksTheSchemaAndRecordNothing() {
        String id = UUID.randomUUID().toString();
        assertJsonError(deliver("/internal/events/movie-events", id, EventTypes.MOVIE_EVENT,
                "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\",\"genres\":" + FIFTY_ONE_GENRES + "}"), 400, "field 'genres' must have at most 50 items");
        assertJsonError(deliver("/internal/events/movie-events", id, EventTypes.MOVIE_EVENT,
                "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\",\"colour\":\"red\"}"), 400, "field 'colour' is not allowed");
        assertJsonError(http.get("/api/events/processed?id=" + id), 404, "has not been processed");
    }

    @Test
    void aPostRetriedWithItsIdempotencyKeyIsPublishedOnce() {
        long movies = TopicReader.size(Topics.MOVIE_EVENTS);
        String body = "{\"movie_id\":" + freshId() + ",\"title\":\"Stalker\",\"action\":\"viewed\"}";
        String key = "retry-" + UUID.randomUUID();
        HttpResponse<String> first = http.post("/api/events/movie", body, "Idempotency-Key", key);
        HttpResponse<String> retry = http.post("/api/events/movie", body, "Idempotency-Key", key);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(first.body(), retry.body(), "the retry is answered with the first answer: the same event id and offset");
        assertEquals("true", retry.headers().firstValue("Idempotency-Replayed").orElse(""));
        assertEquals(movies + 1, TopicReader.size(Topics.MOVIE_EVENTS), "published once");
        assertJsonError(http.post("/api/events/movie", body.replace("viewed", "shared"), "Idempotency-Key", key), 422, "Idempotency-Key");
    }

    private static void assertJsonError(HttpResponse<String> response, int status, String fragment) {
        assertTrue(TestHttp.isJsonError(response, status, fragment), response.statusCode() + " " + response.body());
    }

    private void assertStored(HttpResponse<String> response, String topic, String key, String type, String dataFragment) {
        assertEquals(201, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("{\"status\":\"success\""), response.body());
        Matcher position = PARTITION.matcher(response.body());
        Matcher id = EVENT_ID.matcher(response.body());
        assertTrue(position.find() && id.find(), response.body());
        ConsumerRecord<String, CloudEvent> record = TopicReader.readAt(topic, Integer.parseInt(position.group(1)), Long.parseLong(position.group(2)));
        assertEquals(key, record.key());
        assertNotNull(record.headers().lastHeader("ce_id"), "binary content mode puts the attributes in ce_ headers");
        assertEquals(id.group(1), record.value().getId());
        assertEquals(type, record.value().getType());
        assertTrue(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8).contains(dataFragment));
    }

    private HttpResponse<String> deliver(String path, String id, String type, String json) {
        return http.send(http.request(path, "ce-specversion", "1.0", "ce-id", id, "ce-type", type,
                        "ce-source", "/test", "ce-subject", "1", "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private long failedPayments(long userId) {
        HttpResponse<String> response = http.get("/api/events/stats/users/" + userId);
        assertEquals(200, response.statusCode(), response.body());
        return JsonMapper.builder().build().readTree(response.body()).path("failed_payments").asLong();
    }

    private HttpResponse<String> rate(long movieId, int rating) {
        return deliver("/internal/events/movie-events", UUID.randomUUID().toString(), EventTypes.MOVIE_EVENT,
                "{\"movie_id\":" + movieId + ",\"title\":\"Mirror\",\"action\":\"rated\",\"rating\":" + rating + "}");
    }

    private HttpResponse<String> failPayment(long userId) {
        return deliver("/internal/events/payment-events", UUID.randomUUID().toString(), EventTypes.PAYMENT_EVENT,
                "{\"payment_id\":5,\"user_id\":" + userId + ",\"amount\":1.5,\"status\":\"failed\",\"timestamp\":\"2026-11-24T10:00:00Z\"}");
    }

    /** An id no other test (or earlier run against the same tables) used. */
    private static long freshId() {
        return 1_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
    }
}
