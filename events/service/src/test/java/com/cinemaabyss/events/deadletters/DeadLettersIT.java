package com.cinemaabyss.events.deadletters;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dead-letter operator tool on real Kafka and DynamoDB Local: letters parked as the eventing layer parks them are
 * listed with their reason, replayed to the subscriber they failed at (here the events service's own idempotent
 * payment monitor, which counts failed payments per user) and applied once however often they are replayed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadLettersIT {

    static final String TOPIC = "dead-letter-events-it-" + UUID.randomUUID().toString().substring(0, 8);
    static final String DELIVERY_TOKEN = "delivery-" + UUID.randomUUID();
    static final String SUBSCRIPTION = "payment-events-to-events";
    static final AtomicLong USERS = new AtomicLong(System.nanoTime() % 1_000_000 * 3 + 3_000_000);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    TestHttp http;
    String admin;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
        TestIdentity.shared().properties().forEach(registry::add);
        registry.add("cinemaabyss.dead-letters.topic", () -> TOPIC);
        // The payment monitor's /internal route then takes only deliveries proving themselves, as the bridge does.
        registry.add("cinemaabyss.eventing.delivery-token", () -> DELIVERY_TOKEN);
    }

    @BeforeAll
    static void topics() {
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1)));
    }

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
        admin = TestIdentity.shared().bearer(1, "admin");
    }

    @Test
    void onlyAnAdminMayLookReplayOrPurge() {
        String viewer = TestIdentity.shared().bearer(2, "viewer");
        for (String path : List.of("/api/v1/dead-letters", "/api/v1/dead-letters/0-0")) {
            assertTrue(TestHttp.isJsonError(http.get(path), 401, ""), path);
            assertTrue(TestHttp.isJsonError(http.get(path, "Authorization", viewer), 403, ""), path);
        }
        for (String path : List.of("/api/v1/dead-letters/0-0/replay", "/api/v1/dead-letters/0-0/purge", "/api/v1/dead-letters/replay",
                "/api/v1/dead-letters/purge")) {
            assertTrue(TestHttp.isJsonError(http.post(path, "{}"), 401, ""), path);
            assertTrue(TestHttp.isJsonError(http.post(path, "{}", "Authorization", viewer), 403, ""), path);
        }
    }

    @Test
    void aPoisonedEventIsListedWithItsReasonThenReplayedAfterTheFixAndAppliedOnce() {
        long user = USERS.incrementAndGet();
        CloudEvent poisoned = failedPayment(user);
        // Parked by Knative's dispatcher: the subscriber's answer base64-encoded.
        String id = park(poisoned, SUBSCRIPTION, "http://127.0.0.1:" + port + "/internal/events/payment-events", "503",
                Base64.getEncoder().encodeToString("{\"error\":\"the payment monitor was down\"}".getBytes(StandardCharsets.UTF_8)));

        JsonNode listed = find(get("/api/v1/dead-letters?subscription=" + SUBSCRIPTION + "&type=" + EventTypes.PAYMENT_EVENT), id);
        assertEquals(SUBSCRIPTION, listed.path("subscription").asText());
        assertEquals("503", listed.path("reason").path("code").asText());
        assertEquals("{\"error\":\"the payment monitor was down\"}", listed.path("reason").path("data").asText());
        assertEquals("http://127.0.0.1:" + port + "/internal/events/payment-events", listed.path("reason").path("destination").asText());
        assertEquals(poisoned.getId(), listed.path("event").path("id").asText());
        assertEquals("parked", listed.path("state").asText());

        JsonNode shown = get("/api/v1/dead-letters/" + id);
        assertTrue(shown.path("event").path("data").asText().contains("\"user_id\":" + user), shown.toString());
        assertEquals("503", shown.path("event").path("extensions").path("knativeerrorcode").asText());
        assertEquals(0, failedPayments(user), "nothing applied while it is parked");

        HttpResponse<String> replayed = http.post("/api/v1/dead-letters/" + id + "/replay", "", "Authorization", admin);
        assertEquals(200, replayed.statusCode(), replayed.body());
        assertEquals("replayed", JSON.readTree(replayed.body()).path("state").asText());
        assertEquals(1, failedPayments(user));
        HttpResponse<String> ledger = http.get("/api/events/processed?id=" + poisoned.getId());
        assertEquals(200, ledger.statusCode(), "processed under its own CloudEvent id: " + ledger.body());

        HttpResponse<String> again = http.post("/api/v1/dead-letters/" + id + "/replay", "", "Authorization", admin);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(2, JSON.readTree(again.body()).path("replays").asInt());
        assertEquals(1, failedPayments(user), "the same CloudEvent id: the idempotent consumer does not apply it twice");

        assertFalse(ids(get("/api/v1/dead-letters?subscription=" + SUBSCRIPTION)).contains(id), "no longer listed as parked");
        assertTrue(ids(get("/api/v1/dead-letters?state=replayed")).contains(id));
    }

    @Test
    void aFilteredReplaySendsOnlyTheSelectedParkedLettersAndAPurgedOneIsNeverReplayed() {
        Instant since = Instant.now().minusSeconds(1);
        long user = USERS.incrementAndGet();
        String destination = "http://127.0.0.1:" + port + "/internal/events/payment-events";
        String first = park(failedPayment(user), SUBSCRIPTION, destination, "500", "{\"error\":\"boom\"}");
        String second = park(failedPayment(user), SUBSCRIPTION, destination, "500", "{\"error\":\"boom\"}");
        String elsewhere = park(failedPayment(user), "payment-events-to-elsewhere", "http://payments.example.com/internal/events/x",
                "400", "{\"error\":\"refused\"}");

        HttpResponse<String> replay = http.post("/api/v1/dead-letters/replay",
                "{\"subscription\":\"" + SUBSCRIPTION + "\",\"since\":\"" + since + "\"}", "Authorization", admin);
        assertEquals(200, replay.statusCode(), replay.body());
        List<String> replayed = new ArrayList<>();
        JSON.readTree(replay.body()).path("replayed").forEach(n -> replayed.add(n.asText()));
        assertEquals(List.of(first, second), replayed);
        assertEquals(2, failedPayments(user), "the other subscription's letter was not sent");

        assertTrue(TestHttp.isJsonError(http.post("/api/v1/dead-letters/" + elsewhere + "/replay", "", "Authorization", admin),
                409, "is not a subscriber a replay may go to"));
        HttpResponse<String> purged = http.post("/api/v1/dead-letters/" + elsewhere + "/purge", "", "Authorization", admin);
        assertEquals(200, purged.statusCode(), purged.body());
        assertEquals("purged", JSON.readTree(purged.body()).path("state").asText());
        assertTrue(TestHttp.isJsonError(http.post("/api/v1/dead-letters/" + elsewhere + "/replay", "", "Authorization", admin),
                409, "was purged"));
        assertFalse(ids(get("/api/v1/dead-letters?since=" + since)).contains(elsewhere));
        assertTrue(ids(get("/api/v1/dead-letters?state=purged&since=" + since)).contains(elsewhere));
        assertEquals(2, failedPayments(user));
    }

    @Test
    void badQueriesSayWhatIsWrong() {
        for (Map.Entry<String, String> bad : Map.of(
                "/api/v1/dead-letters?state=lost", "'state'",
                "/api/v1/dead-letters?limit=0", "'limit'",
                "/api/v1/dead-letters?since=yesterday", "'since'",
                "/api/v1/dead-letters?subscription=Not%20One", "'subscription'",
                "/api/v1/dead-letters/abc", "<partition>-<offset>").entrySet()) {
            assertTrue(TestHttp.isJsonError(http.get(bad.getKey(), "Authorization", admin), 400, bad.getValue()), bad.getKey());
        }
        assertTrue(TestHttp.isJsonError(http.get("/api/v1/dead-letters/1-999999999", "Authorization", admin), 404, "no dead letter"));
        assertTrue(TestHttp.isJsonError(http.post("/api/v1/dead-letters/replay", "{\"limit\":501}", "Authorization", admin), 400, "'limit'"));
    }

    private static CloudEvent failedPayment(long user) {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withSource(URI.create("/payments"))
                .withType(EventTypes.PAYMENT_EVENT).withSubject("5").withDataContentType("application/json")
                .withData(("{\"payment_id\":5,\"user_id\":" + user + ",\"amount\":1.5,\"status\":\"failed\",\"timestamp\":\"2026-11-24T10:00:00Z\"}")
                        .getBytes(StandardCharsets.UTF_8)).build();
    }

    /** Parks {@code event} as the eventing layer does (binary mode, the reason in knativeerror* extensions); returns its id. */
    private static String park(CloudEvent event, String subscription, String destination, String code, String data) {
        CloudEvent letter = CloudEventBuilder.from(event).withExtension("knativeerrordest", destination)
                .withExtension("knativeerrorcode", code).withExtension("knativeerrordata", data)
                .withExtension("deadlettersub", subscription).build();
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class))) {
            RecordMetadata at = producer.send(new ProducerRecord<>(TOPIC, "5", letter)).get();
            return at.partition() + "-" + at.offset();
        } catch (Exception e) {
            throw new AssertionError("could not park", e);
        }
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = http.get(path, "Authorization", admin);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list.path("items")) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not listed in " + list);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private long failedPayments(long userId) {
        HttpResponse<String> response = http.get("/api/events/stats/users/" + userId);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("failed_payments").asLong();
    }
}
