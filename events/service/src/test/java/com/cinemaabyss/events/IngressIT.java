package com.cinemaabyss.events;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/events: CloudEvents from outside producers, against a real Kafka broker and DynamoDB Local. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngressIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MOVIE = "{\"movie_id\":7,\"title\":\"Stalker\",\"action\":\"viewed\"}";
    private static final String USER = "{\"user_id\":3,\"action\":\"registered\",\"timestamp\":\"2026-11-24T10:00:00Z\"}";
    private static final String PAYMENT = "{\"payment_id\":11,\"user_id\":3,\"amount\":9.99,\"status\":\"completed\",\"timestamp\":\"2026-11-24T10:00:00Z\"}";
    private static final List<String> TOPICS = List.of(Topics.MOVIE_EVENTS, Topics.USER_EVENTS, Topics.PAYMENT_EVENTS);

    @LocalServerPort
    int port;
    @Autowired
    DynamoDbClient dynamo;
    @Autowired
    DynamoSettings settings;
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
    void aBinaryModeEventLandsOnItsTopicAsItCameKeyedBySubject() {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = binary(MOVIE, "ce-specversion", "1.0", "ce-id", id, "ce-source", "/partners/acme",
                "ce-type", EventTypes.MOVIE_EVENT, "ce-subject", "7", "ce-time", "2026-11-24T10:00:00Z", "ce-action", "viewed",
                "ce-partnerref", "A-17");

        JsonNode accepted = acceptedEvents(response).getFirst();
        assertEquals(id, accepted.get("id").asString());
        assertEquals("/partners/acme", accepted.get("source").asString());
        assertEquals(EventTypes.MOVIE_EVENT, accepted.get("type").asString());
        assertEquals(Topics.MOVIE_EVENTS, accepted.get("topic").asString());
        assertFalse(accepted.get("duplicate").asBoolean());

        ConsumerRecord<String, CloudEvent> record = recordOf(accepted);
        assertEquals("7", record.key());
        assertNotNull(record.headers().lastHeader("ce_id"), "binary content mode on Kafka");
        CloudEvent event = record.value();
        assertEquals(id, event.getId());
        assertEquals("/partners/acme", event.getSource().toString());
        assertEquals(EventTypes.MOVIE_EVENT, event.getType());
        assertEquals("7", event.getSubject());
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), event.getTime().toInstant());
        assertEquals("viewed", event.getExtension("action"));
        assertEquals("A-17", event.getExtension("partnerref"));
        assertEquals(MOVIE, new String(event.getData().toBytes(), StandardCharsets.UTF_8));
    }

    /** Outside content providers post their items here; the catalog maps them into titles from provider-feed. */
    @Test
    void aProviderItemLandsOnTheProviderFeedKeyedByProviderAndExternalIdAndAWithdrawalToo() {
        String published = """
                {"provider":"acme","external_id":"solaris-1972","kind":"movie","title":"Solaris","genres":["Sci-Fi"],
                 "countries":["SU"],"original_language":"ru","release_year":1972,"age_rating":12,"runtime_min":167,
                 "licences":[{"region":"RU","from":"2026-01-01T00:00:00Z","to":"2030-01-01T00:00:00Z"}]}""";
        HttpResponse<String> response = binary(published, "ce-specversion", "1.0", "ce-id", UUID.randomUUID().toString(),
                "ce-source", "/providers/acme", "ce-type", EventTypes.PROVIDER_TITLE_PUBLISHED, "ce-subject", "acme/solaris-1972");
        JsonNode accepted = acceptedEvents(response).getFirst();
        assertEquals(Topics.PROVIDER_FEED, accepted.get("topic").asString());
        ConsumerRecord<String, CloudEvent> record = recordOf(accepted);
        assertEquals("acme/solaris-1972", record.key());
        assertEquals(EventTypes.PROVIDER_TITLE_PUBLISHED, record.value().getType());

        HttpResponse<String> withdrawn = binary("{\"provider\":\"acme\",\"external_id\":\"solaris-1972\"}", "ce-specversion", "1.0",
                "ce-id", UUID.randomUUID().toString(), "ce-source", "/providers/acme", "ce-type", EventTypes.PROVIDER_TITLE_WITHDRAWN,
                "ce-subject", "acme/solaris-1972");
        assertEquals(Topics.PROVIDER_FEED, acceptedEvents(withdrawn).getFirst().get("topic").asString());
        // The schema checks shape: an item without its external id never reaches the feed.
        assertRefused(binary("{\"provider\":\"acme\"}", "ce-specversion", "1.0", "ce-id", UUID.randomUUID().toString(),
                "ce-source", "/providers/acme", "ce-type", EventTypes.PROVIDER_TITLE_WITHDRAWN, "ce-subject", "acme/x"), "external_id");
    }

    @Test
    void aStructuredModeEventWithoutSubjectIsKeyedByItsId() {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = structured(event(id, "/partners/acme", EventTypes.USER_EVENT, USER, "\"status\":\"new\""));

        JsonNode accepted = acceptedEvents(response).getFirst();
        assertEquals(Topics.USER_EVENTS, accepted.get("topic").asString());
        ConsumerRecord<String, CloudEvent> record = recordOf(accepted);
        assertEquals(id, record.key());
        assertEquals(id, record.value().getId());
        assertEquals(EventTypes.USER_EVENT, record.value().getType());
        assertEquals("/partners/acme", record.value().getSource().toString());
        assertEquals("new", record.value().getExtension("status"));
        assertEquals(JSON.readTree(USER), JSON.readTree(record.value().getData().toBytes()));
    }

    @Test
    void aBatchLandsEachEventOnItsOwnTopicInOrder() {
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        HttpResponse<String> response = batch("[" + event(ids.get(0), "/b", EventTypes.PAYMENT_EVENT, PAYMENT, null) + ","
                + event(ids.get(1), "/b", EventTypes.MOVIE_EVENT, MOVIE, null) + ","
                + event(ids.get(2), "/b", EventTypes.USER_EVENT, USER, null) + "]");

        List<JsonNode> accepted = acceptedEvents(response);
        assertEquals(3, accepted.size());
        List<String> topics = List.of(Topics.PAYMENT_EVENTS, Topics.MOVIE_EVENTS, Topics.USER_EVENTS);
        List<String> types = List.of(EventTypes.PAYMENT_EVENT, EventTypes.MOVIE_EVENT, EventTypes.USER_EVENT);
        for (int i = 0; i < 3; i++) {
            assertEquals(topics.get(i), accepted.get(i).get("topic").asString());
            CloudEvent event = recordOf(accepted.get(i)).value();
            assertEquals(ids.get(i), event.getId());
            assertEquals(types.get(i), event.getType());
            assertEquals("/b", event.getSource().toString());
        }
    }

    @Test
    void theSameSourceAndIdIsPublishedOnceAndThenAcknowledgedAsADuplicate() {
        String id = UUID.randomUUID().toString();
        long before = TopicReader.size(Topics.MOVIE_EVENTS);
        JsonNode first = acceptedEvents(structured(event(id, "/partners/retrying", EventTypes.MOVIE_EVENT, MOVIE, null))).getFirst();
        JsonNode second = acceptedEvents(binary(MOVIE, "ce-specversion", "1.0", "ce-id", id, "ce-source", "/partners/retrying",
                "ce-type", EventTypes.MOVIE_EVENT)).getFirst();

        assertFalse(first.get("duplicate").asBoolean());
        assertTrue(second.get("duplicate").asBoolean(), second.toString());
        assertEquals(first.get("partition"), second.get("partition"));
        assertEquals(first.get("offset"), second.get("offset"));
        assertEquals(before + 1, TopicReader.size(Topics.MOVIE_EVENTS), "one record on Kafka");

        // another source may use the same id
        assertFalse(acceptedEvents(structured(event(id, "/partners/other", EventTypes.MOVIE_EVENT, MOVIE, null))).getFirst()
                .get("duplicate").asBoolean());
    }

    @Test
    void theIngressLogIsKeyedByAHashAndExpiresInAWeek() throws Exception {
        String id = UUID.randomUUID().toString();
        acceptedEvents(structured(event(id, "/partners/acme", EventTypes.MOVIE_EVENT, MOVIE, null)));
        String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("/partners/acme\n" + id).getBytes(StandardCharsets.UTF_8)));

        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(settings.table("ingress"))
                .key(Map.of("id", AttributeValue.fromS(key))).consistentRead(true)).item();
        assertEquals(Topics.MOVIE_EVENTS, item.get("topic").s());
        assertEquals(EventTypes.MOVIE_EVENT, item.get("type").s());
        long expiresAt = Long.parseLong(item.get("expires_at").n());
        long inAWeek = Instant.now().plusSeconds(7 * 24 * 3600).getEpochSecond();
        assertTrue(Math.abs(expiresAt - inAWeek) < 120, "expires_at " + expiresAt + " vs " + inAWeek);
    }

    @Test
    void anUnknownTypeOrOneOwnedByAnotherServiceIsRefusedByName() {
        Map<String, Long> before = sizes();
        assertRefused(structured(event(UUID.randomUUID().toString(), "/x", "com.example.nope.v1", MOVIE, null)),
                "unknown CloudEvent type 'com.example.nope.v1'");
        assertRefused(structured(event(UUID.randomUUID().toString(), "/x", EventTypes.MOVIE_UPSERTED,
                "{\"id\":1,\"title\":\"T\",\"description\":\"\",\"genres\":[],\"rating\":0,\"written_by\":\"catalog\"}", null)),
                "'" + EventTypes.MOVIE_UPSERTED + "' is not accepted here");
        assertEquals(before, sizes(), "nothing may be published");
    }

    @Test
    void aMissingOrBadAttributeIsRefusedByName() {
        Map<String, Long> before = sizes();
        String id = UUID.randomUUID().toString();
        assertRefused(binary(MOVIE, "ce-specversion", "1.0", "ce-source", "/x", "ce-type", EventTypes.MOVIE_EVENT),
                "'id'");
        assertRefused(binary(MOVIE, "ce-id", id, "ce-source", "/x", "ce-type", EventTypes.MOVIE_EVENT),
                "'specversion' is missing");
        assertRefused(structured("{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"" + EventTypes.MOVIE_EVENT
                + "\",\"data\":" + MOVIE + "}"), "source");
        assertRefused(structured("{\"specversion\":\"0.3\",\"id\":\"" + id + "\",\"source\":\"/x\",\"type\":\""
                + EventTypes.MOVIE_EVENT + "\",\"data\":" + MOVIE + "}"), "'specversion' must be 1.0");
        assertRefused(structured(event("", "/x", EventTypes.MOVIE_EVENT, MOVIE, null)), "'id' is required");
        assertRefused(structured(event("i".repeat(257), "/x", EventTypes.MOVIE_EVENT, MOVIE, null)),
                "'id' must be at most 256 characters");
        assertRefused(structured(event(id, "/" + "s".repeat(1024), EventTypes.MOVIE_EVENT, MOVIE, null)),
                "'source' must be at most 1024 characters");
        assertRefused(binary("<movie/>", "ce-specversion", "1.0", "ce-id", id, "ce-source", "/x",
                "ce-type", EventTypes.MOVIE_EVENT, "Content-Type", "application/xml"), "'datacontenttype' must be application/json");
        assertRefused(http.send(http.request("/api/events", "Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"specversion\":"))), "not a CloudEvent");
        assertEquals(before, sizes(), "nothing may be published");
    }

    @Test
    void dataThatBreaksTheSchemaIsRefusedNamingTheField() {
        Map<String, Long> before = sizes();
        assertRefused(structured(event(UUID.randomUUID().toString(), "/x", EventTypes.USER_EVENT,
                "{\"user_id\":3,\"action\":\"registered\"}", null)), "field 'timestamp' is required");
        assertRefused(structured(event(UUID.randomUUID().toString(), "/x", EventTypes.PAYMENT_EVENT,
                PAYMENT.replace("9.99", "1000001"), null)), "field 'amount' must be at most 1000000");
        assertRefused(structured(event(UUID.randomUUID().toString(), "/x", EventTypes.MOVIE_EVENT, null, null)),
                "data is missing");
        assertRefused(structured(event(UUID.randomUUID().toString(), "/x", EventTypes.PAYMENT_EVENT,
                PAYMENT.replace("completed", "chargeback"), null)), "field 'status' must be one of pending, completed, failed, refunded, cancelled");
        assertRefused(structured(event(UUID.randomUUID().toString(), "/x", EventTypes.MOVIE_EVENT,
                MOVIE.replace("viewed", "rated"), null)), "field 'rating' is required");
        assertRefused(binary(MOVIE, "ce-specversion", "1.0", "ce-id", UUID.randomUUID().toString(), "ce-source", "/x",
                "ce-type", EventTypes.MOVIE_EVENT, "ce-action", "rated"), "extension 'action' must repeat the data's field 'action'");
        assertEquals(before, sizes(), "nothing may be published");
    }

    @Test
    void aBatchWithOneBadEventIsRefusedWholeSayingWhichAndNothingIsPublished() {
        Map<String, Long> before = sizes();
        String bad = event(UUID.randomUUID().toString(), "/b", EventTypes.MOVIE_EVENT, MOVIE.replace("\"viewed\"", "\"\""), null);
        assertRefused(batch("[" + event(UUID.randomUUID().toString(), "/b", EventTypes.USER_EVENT, USER, null)
                + "," + bad + "," + event(UUID.randomUUID().toString(), "/b", EventTypes.PAYMENT_EVENT, PAYMENT, null) + "]"),
                "event [1]: data of " + EventTypes.MOVIE_EVENT + " breaks its schema: field 'action'");
        assertRefused(batch("[" + event(UUID.randomUUID().toString(), "/b", EventTypes.USER_EVENT, USER, null)
                + ",{\"specversion\":\"1.0\",\"source\":\"/b\",\"type\":\"" + EventTypes.USER_EVENT + "\"}]"), "event [1]: not a CloudEvent");
        assertEquals(before, sizes(), "nothing may be published");
    }

    @Test
    void aBatchIsBoundedAndMustBeAnArray() {
        Map<String, Long> before = sizes();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            events.add("{}");
        }
        assertRefused(batch("[" + String.join(",", events) + "]"), "at most 100 CloudEvents");
        assertRefused(batch("[]"), "at least one CloudEvent");
        assertRefused(batch(event(UUID.randomUUID().toString(), "/b", EventTypes.USER_EVENT, USER, null)),
                "must be a JSON array");
        assertEquals(before, sizes(), "nothing may be published");
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        Map<String, Long> before = sizes();
        String big = "{\"movie_id\":7,\"title\":\"T\",\"action\":\"viewed\",\"description\":\"" + "d".repeat(70_000) + "\"}";
        HttpResponse<String> response = structured(event(UUID.randomUUID().toString(), "/x", EventTypes.MOVIE_EVENT, big, null));
        assertTrue(TestHttp.isJsonError(response, 413, "larger than"), response.statusCode() + " " + response.body());
        String batch = "[" + String.join(",", Collections.nCopies(2, event(UUID.randomUUID().toString(), "/x", EventTypes.MOVIE_EVENT,
                big.replace("d".repeat(70_000), "d".repeat(40_000)), null))) + "]";
        assertTrue(TestHttp.isJsonError(batch(batch), 413, "larger than"));
        assertEquals(before, sizes(), "nothing may be published");
    }

    /** A structured-mode event; {@code data} and {@code extra} (more members) may be null. */
    static String event(String id, String source, String type, String data, String extra) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"" + type + "\""
                + (data == null ? "" : ",\"datacontenttype\":\"application/json\",\"data\":" + data)
                + (extra == null ? "" : "," + extra) + "}";
    }

    private HttpResponse<String> binary(String data, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        if (!all.contains("Content-Type")) {
            all.addAll(List.of("Content-Type", "application/json"));
        }
        return http.send(http.request("/api/events", all.toArray(String[]::new)).POST(HttpRequest.BodyPublishers.ofString(data)));
    }

    private HttpResponse<String> structured(String json) {
        return http.send(http.request("/api/events", "Content-Type", "application/cloudevents+json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> batch(String json) {
        return http.send(http.request("/api/events", "Content-Type", "application/cloudevents-batch+json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static List<JsonNode> acceptedEvents(HttpResponse<String> response) {
        assertEquals(202, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        List<JsonNode> events = new ArrayList<>();
        JSON.readTree(response.body()).get("events").forEach(events::add);
        return events;
    }

    private static ConsumerRecord<String, CloudEvent> recordOf(JsonNode accepted) {
        return TopicReader.readAt(accepted.get("topic").asString(), accepted.get("partition").asInt(), accepted.get("offset").asLong());
    }

    private static void assertRefused(HttpResponse<String> response, String fragment) {
        assertTrue(TestHttp.isJsonError(response, 400, fragment), response.statusCode() + " " + response.body());
    }

    /** How many records each topic holds: unchanged across a test means nothing was published. */
    private static Map<String, Long> sizes() {
        Map<String, Long> sizes = new java.util.HashMap<>();
        TOPICS.forEach(topic -> sizes.put(topic, TopicReader.size(topic)));
        return sizes;
    }
}
