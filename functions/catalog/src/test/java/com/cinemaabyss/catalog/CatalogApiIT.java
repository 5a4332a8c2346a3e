package com.cinemaabyss.catalog;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.catalog.events.MovieChange;
import com.cinemaabyss.catalog.events.MovieChangelog;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.events.EventJson;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog against real DynamoDB Local and Kafka, including both directions of the changelog. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogApiIT {

    private static final Pattern CURSOR = Pattern.compile("\"next_cursor\"\\s*:\\s*\"([^\"]+)\"");

    @LocalServerPort
    int port;
    TestHttp http;

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
    }

    @BeforeAll
    static void topics() {
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(Topics.MOVIE_CHANGES, 1, (short) 1)));
    }

    @Test
    void healthAnswersTrue() throws Exception {
        HttpResponse<String> response = http.get("/api/movies/health");
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":true}", response.body());
    }

    @Test
    void createdMovieGetsAnEvenIdAndIsAnnouncedOnTheChangelog() throws Exception {
        String title = "Stalker " + UUID.randomUUID();
        HttpResponse<String> created = http.post("/api/movies", "{\"title\":\"" + title + "\",\"description\":\"Zone\",\"genres\":[\"Sci-Fi\"],\"rating\":8.1}");
        assertEquals(201, created.statusCode(), created.body());
        long id = TestHttp.idOf(created.body());
        assertEquals(0, id % 2, "the catalog hands out even movie ids");
        assertTrue(http.get("/api/movies?id=" + id).body().contains(title));

        CloudEvent announced = readChangelogUntil(id);
        assertEquals(EventTypes.MOVIE_UPSERTED, announced.getType());
        assertEquals("/cinemaabyss/catalog", announced.getSource().toString());
        MovieChange change = EventJson.data(announced, MovieChange.class);
        assertEquals(title, change.title());
        assertEquals("catalog", change.writtenBy());
    }

    @Test
    void aMonolithChangeDeliveredByTheEventingLayerIsStoredOnceUnderTheSameId() throws Exception {
        MovieChange change = new MovieChange(1_000_001, "Solaris", "Ocean", List.of("Drama"), 7.9, "monolith");
        CloudEvent event = new MovieChangelog("monolith").upserted(change);
        HttpResponse<String> first = deliver(event);
        HttpResponse<String> replay = deliver(event);
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(202, replay.statusCode(), replay.body());
        String stored = http.get("/api/movies?id=1000001").body();
        assertTrue(stored.contains("\"title\":\"Solaris\"") && stored.contains("\"rating\":7.9"), stored);
    }

    @Test
    void theCatalogIgnoresItsOwnEchoOnTheChangelog() throws Exception {
        MovieChange echo = new MovieChange(1_000_002, "Echo", "", List.of(), 5.0, "catalog");
        assertEquals(202, deliver(new MovieChangelog("catalog").upserted(echo)).statusCode());
        assertEquals(404, http.get("/api/movies?id=1000002").statusCode());
    }

    @Test
    void aChangeThatBreaksTheContractIsRefusedForTheDeadLetterTopicAndNotStored() throws Exception {
        CloudEvent valid = new MovieChangelog("monolith").upserted(new MovieChange(1_000_003, "Nostalghia", "", List.of(), 8.0, "monolith"));
        String broken = "{\"id\":1000003,\"title\":\"Nostalghia\",\"description\":\"\",\"genres\":[],\"rating\":11,\"written_by\":\"monolith\"}";
        assertError(deliver(CloudEventBuilder.from(valid).withData("application/json", broken.getBytes(StandardCharsets.UTF_8)).build()),
                400, "field 'rating' must be at most 10");
        assertEquals(404, http.get("/api/movies?id=1000003").statusCode());
    }

    @Test
    void cursorPagingWalksTheWholeCatalogOnce() throws Exception {
        for (int i = 0; i < 7; i++) {
            http.post("/api/movies", "{\"title\":\"Paged " + i + "\"}");
        }
        int total = TestHttp.ids(http.get("/api/movies").body()).size();
        Set<Long> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String body = http.get("/api/movies?limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).body();
            assertTrue(body.startsWith("{\"items\":"), body);
            for (long id : TestHttp.ids(body)) {
                assertTrue(seen.add(id), "a movie appeared twice: " + body);
            }
            Matcher next = CURSOR.matcher(body);
            cursor = next.find() ? next.group(1) : null;
            pages++;
        } while (cursor != null && pages < 100);
        assertNull(cursor);
        assertEquals(total, seen.size());
    }

    @Test
    void badInputGetsAClearJsonError() throws Exception {
        assertError(http.post("/api/movies", "{\"title\":"), 400, "malformed JSON");
        assertError(http.post("/api/movies", "{\"genres\":[\"x\"]}"), 400, "field 'title' is required");
        assertError(http.post("/api/movies", "{\"title\":\"T\",\"rating\":-1}"), 400, "field 'rating' must be between");
        assertError(http.post("/api/movies", "{\"title\":\"T\",\"genres\":\"Drama\"}"), 400, "field 'genres' has the wrong type");
        String tooManyGenres = "[" + String.join(",", Collections.nCopies(51, "\"Drama\"")) + "]";
        assertError(http.post("/api/movies", "{\"title\":\"T\",\"genres\":" + tooManyGenres + "}"), 400, "field 'genres' must have at most 50 items");
        assertError(http.post("/api/movies", "{\"title\":\"Bell\\u0007\"}"), 400, "field 'title' must not contain control characters");
        assertError(http.get("/api/movies?limit=0"), 400, "query parameter 'limit'");
        assertError(http.get("/api/movies?limit=5&cursor=bogus"), 400, "query parameter 'cursor'");
        assertError(http.get("/api/movies?id=-3"), 400, "query parameter 'id'");
        assertError(http.get("/api/movies?id=999999999"), 404, "movie 999999999 not found");
        assertError(http.get("/api/movies/unknown"), 404, "no route");
        assertError(http.send(http.request("/internal/events/movie-changes").header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"specversion\":\"1.0\",\"id\":"))), 400, "not a CloudEvent");
        assertError(http.send(http.request("/internal/events/movie-changes").header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString("null"))), 400, "not a CloudEvent");
    }

    private CloudEvent readChangelogUntil(long movieId) {
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "catalog-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class))) {
            consumer.subscribe(List.of(Topics.MOVIE_CHANGES));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(Long.toString(movieId))) {
                        assertTrue(record.headers().lastHeader("ce_id") != null, "binary content mode carries ce_ headers");
                        return record.value();
                    }
                }
            }
        }
        throw new AssertionError("movie " + movieId + " never appeared on " + Topics.MOVIE_CHANGES);
    }

    private HttpResponse<String> deliver(CloudEvent event) throws Exception {
        return http.send(http.request("/internal/events/movie-changes")
                .header("ce-specversion", "1.0")
                .header("ce-id", event.getId())
                .header("ce-type", event.getType())
                .header("ce-source", event.getSource().toString())
                .header("ce-subject", event.getSubject())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(event.getData().toBytes())));
    }

    private static void assertError(HttpResponse<String> response, int status, String fragment) {
        assertTrue(TestHttp.isJsonError(response, status, fragment), response.statusCode() + " " + response.body());
    }
}
