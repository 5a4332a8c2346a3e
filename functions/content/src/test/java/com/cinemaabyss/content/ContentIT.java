package com.cinemaabyss.content;

import com.cinemaabyss.contracts.EventContracts;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.media.StreamTokens;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import com.cinemaabyss.kit.dynamo.DynamoSettings;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * content against real DynamoDB Local and Kafka: title-changes delivered as the eventing layer delivers them, licences
 * set by content managers, playback decided against local entitlement and profile servers, playback.started read back
 * from Kafka, and the stream URL verified with the origin's own code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cinemaabyss.eventing.delivery-token=" + Titles.TOKEN,
        "cinemaabyss.content.media.origin-url=http://127.0.0.1:8091",
        "cinemaabyss.content.media.signing-key=" + ContentIT.KEY,
        "cinemaabyss.content.upstream.timeout=1s"})
class ContentIT {

    static final String KEY = "content-it-signing-key-of-at-least-32-bytes";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPEN = "2000-01-01T00:00:00Z";
    private static final String CLOSE = "2100-01-01T00:00:00Z";
    private static final Upstreams UPSTREAMS = new Upstreams();

    @LocalServerPort
    int port;
    TestHttp http;
    long user;
    String viewer;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
        TestIdentity.shared().properties().forEach(registry::add);
        registry.add("cinemaabyss.content.upstream.subscriptions-url", () -> UPSTREAMS.url().toString());
        registry.add("cinemaabyss.content.upstream.profile-url", () -> UPSTREAMS.url().toString());
    }

    @BeforeAll
    static void topics() {
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(Topics.PLAYBACK_EVENTS, 1, (short) 1)));
    }

    @AfterAll
    static void stop() {
        UPSTREAMS.close();
    }

    @BeforeEach
    void fresh() {
        http = TestHttp.at(port);
        user = Titles.newId();
        viewer = TestIdentity.shared().bearer(user);
        UPSTREAMS.active.put(viewer, true);
        UPSTREAMS.subscriptionsDown = false;
        UPSTREAMS.profileDown = false;
    }

    @Test
    void aLicensedMovieForAnEntitledViewerPlaysWithASignedUrlAndAPlaybackStartedEvent() {
        long movie = Titles.newId();
        Titles.deliver(http, movie, Titles.movie(movie, "published", 16, 1, Titles.offer("RU", OPEN, CLOSE)));

        HttpResponse<String> answer = play("{\"title_id\":" + movie + "}", "RU");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode playback = JSON.readTree(answer.body());
        URI url = URI.create(playback.path("stream_url").asString());
        assertTrue(url.toString().startsWith("http://127.0.0.1:8091/hls/demo/master.m3u8?exp="), url.toString());
        Instant expires = Instant.parse(playback.path("expires_at").asString());
        assertTrue(expires.isAfter(Instant.now().plusSeconds(240)) && expires.isBefore(Instant.now().plusSeconds(301)), "five minutes: " + expires);
        var valid = assertInstanceOf(StreamTokens.Verification.Valid.class,
                new StreamTokens(KEY, Clock.systemUTC()).verify(url.getRawPath(), url.getRawQuery()), "the origin accepts it");
        assertEquals(user, valid.userId());
        assertInstanceOf(StreamTokens.Verification.Invalid.class,
                new StreamTokens(KEY, Clock.systemUTC()).verify(url.getRawPath(), url.getRawQuery().replace("uid=" + user, "uid=" + (user + 1))));

        String session = playback.path("session_id").asString();
        CloudEvent started = playbackEvent(session);
        assertEquals(EventTypes.PLAYBACK_STARTED, started.getType());
        assertEquals(Long.toString(user), started.getSubject());
        JsonNode data = JSON.readTree(started.getData().toBytes());
        assertEquals(movie, data.path("title_id").asLong());
        assertEquals("RU", data.path("region").asString());
        assertEquals(expires.toString(), data.path("expires_at").asString());
        assertTrue(data.path("profile_id").isMissingNode() && data.path("episode_id").isMissingNode());
    }

    @Test
    void aRetriedStartWithTheSameIdempotencyKeyAnswersTheSameSessionAndAnotherKeyANewOne() {
        long movie = Titles.newId();
        Titles.deliver(http, movie, Titles.movie(movie, "published", 0, 1, Titles.offer("RU", OPEN, CLOSE)));
        String body = "{\"title_id\":" + movie + "}";
        String key = "play-" + UUID.randomUUID();

        HttpResponse<String> first = play(viewer, body, "RU", key);
        assertEquals(200, first.statusCode(), first.body());
        // The retry comes with a refreshed token of the same viewer: the key is the viewer's, not the token's.
        HttpResponse<String> retry = play(TestIdentity.shared().bearer(user), body, "RU", key);
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals(first.body(), retry.body(), "the same session and the same URL");
        assertEquals("true", retry.headers().firstValue("Idempotency-Replayed").orElse(""));
        HttpResponse<String> other = play(viewer, body, "RU", "play-" + UUID.randomUUID());
        assertEquals(200, other.statusCode(), other.body());
        String session = JSON.readTree(first.body()).path("session_id").asString();
        String otherSession = JSON.readTree(other.body()).path("session_id").asString();
        assertTrue(!session.equals(otherSession), "another key starts another session");
        assertError(422, play(viewer, "{\"title_id\":" + movie + ",\"profile_id\":3}", "RU", key), "different request");

        playbackEvent(session);
        playbackEvent(otherSession);
        assertEquals(java.util.stream.Stream.of(session, otherSession).sorted().toList(), sessionsStartedBy(user).stream().sorted().toList(),
                "one playback.started per session, none for the replay");
    }

    @Test
    void aSessionCarriesItsDeletionTimeAndTheTableDeletesByIt(@org.springframework.beans.factory.annotation.Autowired DynamoDbClient dynamo,
                                                                @org.springframework.beans.factory.annotation.Autowired DynamoSettings tables) {
        long movie = Titles.newId();
        Titles.deliver(http, movie, Titles.movie(movie, "published", 0, 1, Titles.offer("RU", OPEN, CLOSE)));
        HttpResponse<String> answer = play("{\"title_id\":" + movie + "}", "RU");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode playback = JSON.readTree(answer.body());
        String table = tables.table("sessions");
        var item = dynamo.getItem(b -> b.tableName(table).key(Map.of("sessionId",
                AttributeValue.fromS(playback.path("session_id").asString())))).item();
        Instant expires = Instant.parse(playback.path("expires_at").asString());
        assertEquals(expires.plus(Duration.ofHours(24)).getEpochSecond(), Long.parseLong(item.get("deleteAfter").n()),
                "a day after the URL expired, in epoch seconds");
        var ttl = dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals("deleteAfter", ttl.attributeName());
    }

    @Test
    void eachRefusalHasItsStatusInTheDecisionsOrder() {
        long movie = Titles.newId();
        Titles.deliver(http, movie, Titles.movie(movie, "published", 18, 1, Titles.offer("RU", OPEN, CLOSE)));
        UPSTREAMS.profiles.put(viewer + "|7", 12);
        UPSTREAMS.profiles.put(viewer + "|8", 18);

        assertError(401, play(null, "{\"title_id\":" + movie + "}", "RU"));
        assertError(401, play("Bearer not-a-token", "{\"title_id\":" + movie + "}", "RU"));
        assertError(400, play("{\"title_id\":" + movie + "}", null), "X-Client-Country");
        assertError(400, play("{\"title_id\":" + movie + "}", "ZZ"), "X-Client-Country");
        assertError(400, play("{\"title_id\":" + movie + ",\"episode_id\":3}", "RU"), "exactly one");
        assertError(400, play("{\"title_id\":\"x\"}", "RU"), "title_id");
        assertError(404, play("{\"title_id\":" + Titles.newId() + "}", "RU"), "not found");
        assertError(451, play("{\"title_id\":" + movie + "}", "DE"), "not licensed in DE");
        assertError(403, play("{\"title_id\":" + movie + ",\"profile_id\":7}", "RU"), "limit of 12+");
        assertEquals(200, play("{\"title_id\":" + movie + ",\"profile_id\":8}", "RU").statusCode());
        assertError(404, play("{\"title_id\":" + movie + ",\"profile_id\":9}", "RU"), "profile 9");

        UPSTREAMS.active.put(viewer, false);
        assertError(402, play("{\"title_id\":" + Titles.newId() + "}", "DE"), "subscribe");
        UPSTREAMS.active.put(viewer, true);

        UPSTREAMS.subscriptionsDown = true;
        assertError(503, play("{\"title_id\":" + movie + "}", "RU"), "subscriptions is unavailable");
        UPSTREAMS.subscriptionsDown = false;
        UPSTREAMS.profileDown = true;
        assertError(503, play("{\"title_id\":" + movie + ",\"profile_id\":8}", "RU"), "profile is unavailable");
        assertEquals(200, play("{\"title_id\":" + movie + "}", "RU").statusCode(), "without a profile, profile's outage does not matter");
    }

    @Test
    void availabilityAnswersTheStartsDecisionAsAReasonAndStartsNoSession() {
        long movie = Titles.newId();
        Titles.deliver(http, movie, Titles.movie(movie, "published", 18, 1, Titles.offer("RU", OPEN, CLOSE)));
        long series = Titles.newId();
        long episode = series + 1;
        Titles.deliver(http, series, Titles.series(series, 16, 1, Titles.offer("RU", OPEN, CLOSE), episode));
        UPSTREAMS.profiles.put(viewer + "|7", 12);

        assertEquals("true null RU", availability(movie, "", "RU"));
        assertEquals("false not_licensed DE", availability(movie, "", "DE"));
        assertEquals("false age_restricted RU", availability(movie, "?profile_id=7", "RU"));
        assertEquals("false not_found RU", availability(Titles.newId(), "", "RU"));
        assertEquals("true null RU", availability(series, "?episode_id=" + episode, "RU"));
        assertEquals("false not_found RU", availability(series, "", "RU"), "a series plays by episode");
        assertEquals("false not_found RU", availability(movie, "?episode_id=" + episode, "RU"), "another title's episode");
        UPSTREAMS.active.put(viewer, false);
        assertEquals("false subscription_required RU", availability(movie, "", "RU"));
        UPSTREAMS.active.put(viewer, true);

        assertError(401, http.get("/api/v1/playback/availability/" + movie, "X-Client-Country", "RU"));
        assertError(400, http.get("/api/v1/playback/availability/" + movie, "Authorization", viewer), "X-Client-Country");
        assertError(400, http.get("/api/v1/playback/availability/" + movie + "?profile_id=x", "Authorization", viewer, "X-Client-Country", "RU"), "profile_id");
        assertError(404, http.get("/api/v1/playback/availability/" + movie + "?profile_id=9", "Authorization", viewer, "X-Client-Country", "RU"), "profile 9");
        assertEquals(List.of(), sessionsStartedBy(user), "a check starts no playback");
    }

    private String availability(long title, String query, String country) {
        HttpResponse<String> answer = http.get("/api/v1/playback/availability/" + title + query, "Authorization", viewer, "X-Client-Country", country);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = JSON.readTree(answer.body());
        assertEquals(title, body.path("title_id").asLong());
        return body.path("playable").asBoolean() + " " + (body.path("reason").isNull() ? "null" : body.path("reason").asString()) + " "
                + body.path("region").asString();
    }

    @Test
    void subscriptionsUnreachableIs503NotA500() {
        UPSTREAMS.subscriptionsDown = true;
        HttpResponse<String> answer = play("{\"title_id\":1}", "RU");
        assertError(503, answer, "subscriptions");
    }

    @Test
    void theProjectionKeepsTheNewestVersionIgnoresRepeatsAndOlderOnesAndWithdrawalStopsPlayback() {
        long movie = Titles.newId();
        String v2 = Titles.movie(movie, "published", 12, 2, Titles.offer("RU", OPEN, CLOSE) + "," + Titles.offer("KZ", OPEN, CLOSE));
        String eventId = Titles.deliver(http, movie, v2);
        Titles.deliver(http, eventId, movie, v2, 202);
        Titles.deliver(http, movie, Titles.movie(movie, "published", 18, 1, Titles.offer("DE", OPEN, CLOSE)));
        assertEquals(List.of("KZ:provider", "RU:provider"), licences(movie), "version 1 came late and changed nothing");
        assertEquals(200, play("{\"title_id\":" + movie + "}", "KZ").statusCode());

        Titles.deliver(http, movie, Titles.movie(movie, "published", 12, 3, Titles.offer("DE", OPEN, CLOSE)));
        assertEquals(List.of("DE:provider"), licences(movie), "a newer version's offers replace the older ones wholesale");
        assertError(451, play("{\"title_id\":" + movie + "}", "KZ"), "KZ");

        Titles.deliver(http, movie, Titles.movie(movie, "withdrawn", 12, 4, ""));
        assertEquals(List.of(), licences(movie));
        assertError(404, play("{\"title_id\":" + movie + "}", "DE"), "withdrawn");

        Titles.deliver(http, UUID.randomUUID().toString(), movie, "{\"id\":" + movie + ",\"kind\":\"movie\"}", 400);
        Titles.deliver(http, UUID.randomUUID().toString(), movie, Titles.movie(movie, "published", 12, 5, Titles.offer("RU", CLOSE, OPEN)), 400);
    }

    @Test
    void anEpisodeIsLicensedByItsOwnLicenceOrItsSeriesAndRatedByItsSeries() {
        long series = Titles.newId();
        long first = series + 1;
        long second = series + 2;
        Titles.deliver(http, series, Titles.series(series, 16, 1, Titles.offer("RU", OPEN, CLOSE), first, second));
        UPSTREAMS.profiles.put(viewer + "|5", 12);
        HttpResponse<String> answer = play("{\"episode_id\":" + first + "}", "RU");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode data = JSON.readTree(playbackEvent(JSON.readTree(answer.body()).path("session_id").asString()).getData().toBytes());
        assertEquals(series, data.path("title_id").asLong());
        assertEquals(first, data.path("episode_id").asLong());
        assertError(451, play("{\"episode_id\":" + first + "}", "DE"), "DE");
        assertError(403, play("{\"episode_id\":" + first + ",\"profile_id\":5}", "RU"), "16+");
        assertError(404, play("{\"title_id\":" + series + "}", "RU"), "episode_id");

        String manager = TestIdentity.shared().bearer(Titles.newId(), "content_manager");
        assertEquals(200, http.put("/api/v1/licences/" + second + "/DE", "{\"from\":\"" + OPEN + "\",\"to\":\"" + CLOSE + "\"}",
                "Authorization", manager).statusCode());
        assertEquals(200, play("{\"episode_id\":" + second + "}", "DE").statusCode(), "the episode's own licence");
        assertError(451, play("{\"episode_id\":" + first + "}", "DE"), "DE");

        Titles.deliver(http, series, Titles.series(series, 16, 2, Titles.offer("RU", OPEN, CLOSE), first));
        assertError(404, play("{\"episode_id\":" + second + "}", "DE"), "not found");
    }

    @Test
    void contentManagersAndAdminsSetListAndRemoveLicencesOthersMayNot() {
        long movie = Titles.newId();
        Titles.deliver(http, movie, Titles.movie(movie, "published", 0, 1, Titles.offer("RU", OPEN, CLOSE)));
        String manager = TestIdentity.shared().bearer(Titles.newId(), "content_manager");
        String admin = TestIdentity.shared().bearer(Titles.newId(), "admin");
        String window = "{\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"2031-01-01T00:00:00+03:00\"}";

        assertError(401, http.put("/api/v1/licences/" + movie + "/DE", window));
        assertError(403, http.put("/api/v1/licences/" + movie + "/DE", window, "Authorization", viewer));
        assertError(403, http.get("/api/v1/licences/" + movie, "Authorization", viewer));
        HttpResponse<String> set = http.put("/api/v1/licences/" + movie + "/DE", window, "Authorization", manager);
        assertEquals(200, set.statusCode(), set.body());
        assertEquals("{\"region\":\"DE\",\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"2030-12-31T21:00:00Z\",\"source\":\"manual\"}", set.body());
        assertEquals(200, http.put("/api/v1/licences/" + movie + "/RU", window, "Authorization", admin).statusCode());
        assertEquals(List.of("DE:manual", "RU:manual", "RU:provider"), licences(movie));

        assertError(400, http.put("/api/v1/licences/" + movie + "/de", window, "Authorization", manager), "region");
        assertError(400, http.put("/api/v1/licences/" + movie + "/XX", window, "Authorization", manager), "region");
        assertError(400, http.put("/api/v1/licences/" + movie + "/DE", "{\"from\":\"2031-01-01T00:00:00Z\",\"to\":\"2030-01-01T00:00:00Z\"}",
                "Authorization", manager), "before");
        assertError(400, http.put("/api/v1/licences/" + movie + "/DE", "{\"from\":\"yesterday\",\"to\":\"2030-01-01T00:00:00Z\"}",
                "Authorization", manager), "RFC 3339");
        assertError(400, http.put("/api/v1/licences/" + movie + "/DE", "{\"from\":\"2030-01-01T00:00:00Z\"}", "Authorization", manager), "'to'");
        assertError(400, http.put("/api/v1/licences/" + movie + "/DE", "{\"from\":\"1900-01-01T00:00:00Z\",\"to\":\"2030-01-01T00:00:00Z\"}",
                "Authorization", manager), "1970");
        assertError(400, http.put("/api/v1/licences/abc/DE", window, "Authorization", manager), "title id");
        assertError(404, http.put("/api/v1/licences/" + Titles.newId() + "/DE", window, "Authorization", manager), "not found");

        HttpResponse<String> removed = http.send(http.request("/api/v1/licences/" + movie + "/DE", "Authorization", manager).DELETE());
        assertEquals(204, removed.statusCode());
        assertError(404, http.send(http.request("/api/v1/licences/" + movie + "/DE", "Authorization", manager).DELETE()), "no manual licence");
        assertError(403, http.send(http.request("/api/v1/licences/" + movie + "/RU", "Authorization", viewer).DELETE()));
        assertEquals(List.of("RU:manual", "RU:provider"), licences(movie));

        // A manual licence outlives the provider's offers: a newer version without RU leaves the manual one.
        Titles.deliver(http, movie, Titles.movie(movie, "published", 0, 2, ""));
        assertEquals(List.of("RU:manual"), licences(movie));
    }

    private List<String> licences(long title) {
        HttpResponse<String> answer = http.get("/api/v1/licences/" + title, "Authorization", TestIdentity.shared().bearer(Titles.newId(), "content_manager"));
        assertEquals(200, answer.statusCode(), answer.body());
        List<String> found = new ArrayList<>();
        JSON.readTree(answer.body()).path("licences").forEach(l -> found.add(l.path("region").asString() + ":" + l.path("source").asString()));
        return found;
    }

    private HttpResponse<String> play(String body, String country) {
        return play(viewer, body, country);
    }

    private HttpResponse<String> play(String authorization, String body, String country) {
        return play(authorization, body, country, null);
    }

    private HttpResponse<String> play(String authorization, String body, String country, String idempotencyKey) {
        HttpRequest.Builder request = http.request("/api/v1/playback").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (country != null) {
            request.header("X-Client-Country", country);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request);
    }

    private static void assertError(int status, HttpResponse<String> answer) {
        assertError(status, answer, "");
    }

    private static void assertError(int status, HttpResponse<String> answer, String fragment) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(TestHttp.isJsonError(answer, status, fragment), "a JSON error with '" + fragment + "': " + answer.body());
    }

    /**
     * The session ids of every playback.started keyed by {@code user} on the topic: read from the start to the end it
     * had when this began (called once the events awaited are there).
     */
    private static List<String> sessionsStartedBy(long user) {
        List<String> sessions = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "content-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class))) {
            consumer.subscribe(List.of(Topics.PLAYBACK_EVENTS));
            long deadline = System.currentTimeMillis() + 30_000;
            Map<org.apache.kafka.common.TopicPartition, Long> end = Map.of();
            while (end.isEmpty() || end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("could not read " + Topics.PLAYBACK_EVENTS + " to its end");
                }
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (Long.toString(user).equals(record.key()) && record.value() != null) {
                        sessions.add(JSON.readTree(record.value().getData().toBytes()).path("session_id").asString());
                    }
                }
                if (end.isEmpty() && !consumer.assignment().isEmpty()) {
                    end = consumer.endOffsets(consumer.assignment());
                }
            }
        }
        return sessions;
    }

    /** The playback.started of {@code session}, held to its contract; fails after 30 s without it. */
    private static CloudEvent playbackEvent(String session) {
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "content-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class))) {
            consumer.subscribe(List.of(Topics.PLAYBACK_EVENTS));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    CloudEvent event = record.value();
                    if (event != null && new String(event.getData().toBytes(), StandardCharsets.UTF_8).contains("\"" + session + "\"")) {
                        assertEquals(record.key(), event.getSubject());
                        assertEquals("/cinemaabyss/content", event.getSource().toString());
                        assertEquals(List.of(), EventContracts.load().forType(event.getType()).orElseThrow().violations(event.getData().toBytes()));
                        return event;
                    }
                }
            }
        }
        throw new AssertionError("no playback.started for session " + session);
    }
}
