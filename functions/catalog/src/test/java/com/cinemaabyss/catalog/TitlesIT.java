package com.cinemaabyss.catalog;

import com.cinemaabyss.catalog.domain.SearchQuery;
import com.cinemaabyss.catalog.domain.SearchResult;
import com.cinemaabyss.catalog.domain.Title;
import com.cinemaabyss.catalog.events.TitleChangelog;
import com.cinemaabyss.catalog.search.TitleIndex;
import com.cinemaabyss.catalog.search.TitleIndexer;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Titles, their changelog, their search and the provider feed, against real DynamoDB Local and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TitlesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MANAGER = TestIdentity.shared().bearer(41, "content_manager");
    private static final String ADMIN = TestIdentity.shared().bearer(1, "admin");
    private static final String VIEWER = TestIdentity.shared().bearer(42, "viewer");
    private static final Random RANDOM = new Random();

    @LocalServerPort
    int port;
    TestHttp http;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
        TestIdentity.shared().properties().forEach(registry::add);
    }

    @BeforeAll
    static void topics() {
        try {
            SharedTestInfra.kafka().createTopics(List.of(new NewTopic(Topics.TITLE_CHANGES, 3, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")), new NewTopic(Topics.MOVIE_CHANGES, 1, (short) 1)));
        } catch (RuntimeException alreadyThere) {
            // another test class of this JVM created them
        }
    }

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
    }

    /** A made-up word no other test uses, so searches see only this test's titles. */
    static String word() {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    static String movie(String title, String genre, String country, int year, String person) {
        return """
                {"kind":"movie","title":"%s","description":"A film.","genres":["%s","Drama"],"countries":["%s"],
                 "original_language":"ru","release_year":%d,"age_rating":12,"runtime_min":100,
                 "people":[{"name":"%s","role":"director"}]}""".formatted(title, genre, country, year, person);
    }

    static String series(String title, String genre) {
        return """
                {"kind":"series","title":"%s","genres":["%s"],"countries":["RU"],"original_language":"ru","release_year":1973,
                 "age_rating":12,"people":[{"name":"Vyacheslav Tikhonov","role":"actor","character":"Stierlitz"}],
                 "seasons":[{"number":1,"episodes":[{"number":1,"title":"One","runtime_min":70},{"number":2,"title":"Two"}]},
                            {"number":2,"title":"Later","episodes":[{"number":1,"title":"Three"}]}]}""".formatted(title, genre);
    }

    private HttpResponse<String> create(String body, String... headers) {
        return http.post("/api/v1/titles", body, headers);
    }

    private long created(String body) {
        HttpResponse<String> response = create(body, "Authorization", MANAGER);
        assertEquals(201, response.statusCode(), response.body());
        return TestHttp.idOf(response.body());
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    @Test
    void onlyContentManagersAndAdminsWriteTitles() {
        String body = movie("Roles " + word(), "RoleTest", "RU", 1979, "Someone");
        assertError(create(body), 401, "authentication");
        assertError(create(body, "Authorization", VIEWER), 403, "content_manager");
        assertEquals(201, create(body, "Authorization", MANAGER).statusCode());
        long id = TestHttp.idOf(create(body, "Authorization", ADMIN).body());
        assertError(http.put("/api/v1/titles/" + id, body, "Authorization", VIEWER), 403, "content_manager");
        assertError(http.send(http.request("/api/v1/titles/" + id).DELETE()), 401, "authentication");
        assertEquals(200, http.get("/api/v1/titles/" + id).statusCode(), "reading is public");
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesOneTitle() {
        String body = movie("Retry " + word(), "RetryTest", "RU", 1980, "Someone");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = create(body, "Authorization", MANAGER, "Idempotency-Key", key);
        HttpResponse<String> again = create(body, "Authorization", MANAGER, "Idempotency-Key", key);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(TestHttp.idOf(first.body()), TestHttp.idOf(again.body()));
        assertEquals("true", again.headers().firstValue("Idempotency-Replayed").orElse(""));
    }

    @Test
    void badTitlesAnswer400NamingTheField() {
        String good = movie("Bad " + word(), "BadTest", "RU", 1979, "Someone");
        assertError(create(good.replace("\"RU\"", "\"ru\""), "Authorization", MANAGER), 400, "countries");
        assertError(create(good.replace("\"age_rating\":12", "\"age_rating\":13"), "Authorization", MANAGER), 400, "age_rating");
        assertError(create(good.replace("1979", "1869"), "Authorization", MANAGER), 400, "release_year");
        assertError(create(good.replace("\"kind\":\"movie\"", "\"kind\":\"opera\""), "Authorization", MANAGER), 400, "kind");
        assertError(create(good.replace(",\"runtime_min\":100", ""), "Authorization", MANAGER), 400, "runtime_min");
        assertError(create(good.replace("\"director\"", "\"catering\""), "Authorization", MANAGER), 400, "role");
        assertError(create(series("S", "x").replace("\"number\":2,\"title\":\"Two\"", "\"number\":1,\"title\":\"Two\""),
                "Authorization", MANAGER), 400, "repeats episode 1");
        assertError(create(series("S", "x").replace("\"seasons\":[", "\"runtime_min\":5,\"seasons\":[").replace("\"kind\":\"series\"",
                "\"kind\":\"movie\""), "Authorization", MANAGER), 400, "seasons");
        assertError(http.get("/api/v1/titles/abc"), 400, "id");
        assertError(http.get("/api/v1/titles?year_from=2000&year_to=1990"), 400, "year_from");
        assertError(http.get("/api/v1/titles?sort=loudness"), 400, "sort");
        assertError(http.get("/api/v1/titles?limit=51"), 400, "limit");
        assertError(http.get("/api/v1/titles?cursor=bm9wZQ"), 400, "cursor");
    }

    @Test
    void aSeriesKeepsItsEpisodesAndTheirIdsAcrossChanges() {
        String genre = "SeriesTest" + word();
        long id = created(series("Seventeen Moments " + word(), genre));
        JsonNode title = json(http.get("/api/v1/titles/" + id).body());
        assertEquals("series", title.path("kind").asString());
        assertEquals(2, title.path("seasons").size());
        JsonNode firstSeason = title.path("seasons").get(0).path("episodes");
        assertEquals(List.of("One", "Two"), List.of(firstSeason.get(0).path("title").asString(), firstSeason.get(1).path("title").asString()));
        Set<Long> ids = new HashSet<>(List.of(id));
        title.path("seasons").forEach(season -> season.path("episodes").forEach(episode -> assertTrue(ids.add(episode.path("id").asLong()),
                "episode ids are from the titles' id space and unique: " + episode)));
        long episodeOne = firstSeason.get(0).path("id").asLong();

        HttpResponse<String> replaced = http.put("/api/v1/titles/" + id + "/seasons/1",
                "{\"title\":\"Spring\",\"episodes\":[{\"number\":1,\"title\":\"One, restored\"},{\"number\":3,\"title\":\"Three\"}]}",
                "Authorization", MANAGER);
        assertEquals(200, replaced.statusCode(), replaced.body());
        JsonNode after = json(http.get("/api/v1/titles/" + id).body());
        JsonNode season = after.path("seasons").get(0);
        assertEquals("Spring", season.path("title").asString());
        assertEquals(episodeOne, season.path("episodes").get(0).path("id").asLong(), "episode 1 keeps its id");
        assertEquals("One, restored", season.path("episodes").get(0).path("title").asString());
        assertEquals(3, season.path("episodes").get(1).path("number").asInt());
        assertFalse(ids.contains(season.path("episodes").get(1).path("id").asLong()), "a new episode gets a new id");
        assertEquals(2, after.path("version").asLong());
        assertEquals(1, after.path("seasons").get(1).path("episodes").size(), "season 2 is left as it was");

        long movie = created(movie("Just a movie " + word(), genre, "RU", 1990, "X"));
        assertError(http.put("/api/v1/titles/" + movie + "/seasons/1", "{\"episodes\":[]}", "Authorization", MANAGER), 400, "movie");
    }

    @Test
    void everyChangeIsOnTheChangelogValidAgainstItsContractAndWithdrawalHidesTheTitle() {
        String name = "Changelog " + word();
        long id = created(movie(name, "ChangelogTest", "RU", 1979, "Someone"));
        HttpResponse<String> updated = http.put("/api/v1/titles/" + id, movie(name + " (restored)", "ChangelogTest", "RU", 1979, "Someone"),
                "Authorization", MANAGER);
        assertEquals(200, updated.statusCode(), updated.body());
        HttpResponse<String> withdrawn = http.send(http.request("/api/v1/titles/" + id, "Authorization", MANAGER).DELETE());
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertError(http.get("/api/v1/titles/" + id), 404, "not found");
        assertError(http.put("/api/v1/titles/" + id, movie(name, "ChangelogTest", "RU", 1979, "Someone"), "Authorization", MANAGER), 404, "not found");

        List<Title> changes = changelog(id, 3);
        assertEquals(List.of(1L, 2L, 3L), changes.stream().map(Title::version).toList());
        assertEquals(name + " (restored)", changes.get(1).title());
        assertEquals(Title.WITHDRAWN, changes.get(2).status());
        assertTrue(changes.get(2).offeredLicences().isEmpty());
    }

    @Test
    void searchFindsMisspelledTitlesAndPeopleFiltersAndFacetsOverHttp() {
        String genre = "Search" + word();
        String unique = word();
        String person = "Anatoly " + word();
        long stalker = created(movie("Stalker " + unique, genre, "RU", 1979, person));
        long other = created(movie("Mirror " + word(), genre, "FR", 1975, "Someone Else"));
        long later = created(movie("Brother " + word(), genre, "RU", 1997, "Someone Else"));
        String misspelled = unique.substring(0, 4) + unique.substring(5);

        JsonNode found = awaitSearch("q=" + misspelled + "&genre=" + genre, result -> result.path("total").asLong() == 1);
        assertEquals(stalker, found.path("items").get(0).path("id").asLong());
        JsonNode byPerson = awaitSearch("q=" + URLEncoder.encode(person.substring(0, person.length() - 1), StandardCharsets.UTF_8)
                + "&genre=" + genre, result -> result.path("total").asLong() == 1);
        assertEquals(stalker, byPerson.path("items").get(0).path("id").asLong());

        JsonNode filtered = awaitSearch("genre=" + genre + "&country=RU&sort=year", result -> result.path("total").asLong() == 2);
        assertEquals(List.of(later, stalker), List.of(filtered.path("items").get(0).path("id").asLong(), filtered.path("items").get(1).path("id").asLong()));
        assertEquals(2, count(filtered.path("facets").path("genres"), "Drama"));
        assertEquals(1, count(filtered.path("facets").path("decades"), "1970s"));
        assertEquals(1, count(filtered.path("facets").path("decades"), "1990s"));
        assertEquals(0, count(filtered.path("facets").path("countries"), "FR"), "facets count the current result only");

        JsonNode page = awaitSearch("genre=" + genre + "&sort=title&limit=2", result -> result.path("total").asLong() == 3);
        String cursor = page.path("next_cursor").asString();
        JsonNode next = json(http.get("/api/v1/titles?genre=" + genre + "&sort=title&limit=2&cursor=" + cursor).body());
        assertEquals(List.of(later, other, stalker), List.of(page.path("items").get(0).path("id").asLong(),
                page.path("items").get(1).path("id").asLong(), next.path("items").get(0).path("id").asLong()));
        assertTrue(next.path("next_cursor").isNull());
    }

    @Test
    void aFreshIndexRebuiltFromTheTopicAnswersLikeTheRunningOne() throws Exception {
        String genre = "Rebuild" + word();
        long first = created(movie("Solaris " + word(), genre, "RU", 1972, "Andrei Tarkovsky"));
        created(movie("Mirror " + word(), genre, "RU", 1975, "Andrei Tarkovsky"));
        long gone = created(movie("Gone " + word(), genre, "RU", 1980, "Andrei Tarkovsky"));
        http.send(http.request("/api/v1/titles/" + gone, "Authorization", MANAGER).DELETE());
        JsonNode running = awaitSearch("q=Solyaris&genre=" + genre + "&sort=relevance", result -> result.path("total").asLong() == 1);
        JsonNode all = awaitSearch("genre=" + genre + "&sort=year", result -> result.path("total").asLong() == 2);

        try (TitleIndex fresh = new TitleIndex();
             TitleIndexer indexer = new TitleIndexer(fresh, SharedTestInfra.kafkaBootstrapServers(), Topics.TITLE_CHANGES, new SimpleMeterRegistry()).start()) {
            assertTrue(indexer.awaitCaughtUp(Duration.ofSeconds(60)), "the fresh index caught up");
            assertTrue(indexer.rebuildMillis() >= 0);
            SearchResult rebuilt = fresh.search(new SearchQuery("Solyaris", null, genre, null, null, null, "relevance", 20, null));
            assertEquals(List.of(first), rebuilt.items().stream().map(SearchResult.Hit::id).toList());
            assertEquals(running.path("items").get(0).path("id").asLong(), rebuilt.items().getFirst().id());
            SearchResult rebuiltAll = fresh.search(new SearchQuery(null, null, genre, null, null, null, "year", 20, null));
            List<Long> runningIds = new ArrayList<>();
            all.path("items").forEach(item -> runningIds.add(item.path("id").asLong()));
            assertEquals(runningIds, rebuiltAll.items().stream().map(SearchResult.Hit::id).toList(), "withdrawn titles stay out");
        }
        JsonNode health = json(http.get("/api/v1/titles/health").body());
        assertTrue(health.path("status").asBoolean());
        assertTrue(health.path("search_rebuild_ms").asLong() >= 0);
    }

    @Test
    void legacyMoviesAreMirroredAsTitlesUnderTheirId() {
        String name = "Legacy " + word();
        HttpResponse<String> created = http.post("/api/movies", "{\"title\":\"" + name + "\",\"genres\":[\"Sci-Fi\"],\"rating\":8.1}");
        assertEquals(201, created.statusCode(), created.body());
        long id = TestHttp.idOf(created.body());
        JsonNode title = json(http.get("/api/v1/titles/" + id).body());
        assertEquals(name, title.path("title").asString());
        assertEquals("movie", title.path("kind").asString());
        assertEquals(18, title.path("age_rating").asInt(), "an unrated legacy movie is for adults");
        assertEquals(id, awaitSearch("q=" + name.substring(7), result -> result.path("total").asLong() >= 1).path("items").get(0).path("id").asLong());
        long titleId = created(movie("After legacy " + word(), "LegacyTest", "RU", 2000, "X"));
        assertNotEquals(id, titleId);
        assertEquals(0, titleId % 2, "titles draw from the catalog's even ids, the monolith's movies are odd");
    }

    // ---- the provider feed ----

    static String published(String provider, String externalId, String title, String licenceRegion, String episodeTitle) {
        return """
                {"provider":"%s","external_id":"%s","kind":"series","title":"%s","genres":["Drama"],"countries":["RU"],
                 "original_language":"ru","release_year":2005,"age_rating":16,
                 "seasons":[{"number":1,"episodes":[{"external_id":"e1","number":1,"title":"%s"},{"external_id":"e2","number":2,"title":"Two"}]}],
                 "licences":[{"region":"%s","from":"2026-01-01T00:00:00Z","to":"2030-01-01T00:00:00Z"}]}"""
                .formatted(provider, externalId, title, episodeTitle, licenceRegion);
    }

    private HttpResponse<String> deliver(String id, String type, String provider, String subject, String data) {
        return http.send(http.request("/internal/events/provider-feed")
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-type", type)
                .header("ce-source", "/providers/" + provider).header("ce-subject", subject)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(data)));
    }

    private long titleOfProvider(String provider, String externalId) {
        JsonNode result = awaitSearch("q=" + externalId, r -> r.path("total").asLong() >= 1);
        return result.path("items").get(0).path("id").asLong();
    }

    @Test
    void aProviderItemBecomesOneTitleThatRepublishingUpdatesAndWithdrawalWithdraws() {
        String provider = "acme-" + word();
        String external = word();
        String title = "Master " + external;
        HttpResponse<String> first = deliver(UUID.randomUUID().toString(), EventTypes.PROVIDER_TITLE_PUBLISHED, provider,
                provider + "/" + external, published(provider, external, title, "RU", "One"));
        assertEquals(202, first.statusCode(), first.body());
        long id = titleOfProvider(provider, external);
        JsonNode stored = json(http.get("/api/v1/titles/" + id).body());
        long episodeOne = stored.path("seasons").get(0).path("episodes").get(0).path("id").asLong();
        assertEquals(provider, stored.path("provider").path("name").asString());
        assertEquals("RU", stored.path("offered_licences").get(0).path("region").asString());

        String again = UUID.randomUUID().toString();
        String republished = published(provider, external, title, "KZ", "One, recut");
        assertEquals(202, deliver(again, EventTypes.PROVIDER_TITLE_PUBLISHED, provider, provider + "/" + external, republished).statusCode());
        JsonNode updated = json(http.get("/api/v1/titles/" + id).body());
        assertEquals(2, updated.path("version").asLong(), "the same title, one change");
        assertEquals("KZ", updated.path("offered_licences").get(0).path("region").asString());
        assertEquals(episodeOne, updated.path("seasons").get(0).path("episodes").get(0).path("id").asLong(), "episodes keep their ids");
        assertEquals("One, recut", updated.path("seasons").get(0).path("episodes").get(0).path("title").asString());

        // Redelivery of the same CloudEvent, and the same content under a new CloudEvent id: nothing changes.
        assertEquals(202, deliver(again, EventTypes.PROVIDER_TITLE_PUBLISHED, provider, provider + "/" + external, republished).statusCode());
        assertEquals(202, deliver(UUID.randomUUID().toString(), EventTypes.PROVIDER_TITLE_PUBLISHED, provider, provider + "/" + external,
                republished).statusCode());
        assertEquals(2, json(http.get("/api/v1/titles/" + id).body()).path("version").asLong());

        String withdrawal = "{\"provider\":\"" + provider + "\",\"external_id\":\"" + external + "\",\"reason\":\"licence ended\"}";
        assertEquals(202, deliver(UUID.randomUUID().toString(), EventTypes.PROVIDER_TITLE_WITHDRAWN, provider, provider + "/" + external,
                withdrawal).statusCode());
        assertError(http.get("/api/v1/titles/" + id), 404, "not found");
        List<Title> changes = changelog(id, 3);
        assertEquals(Title.WITHDRAWN, changes.get(2).status());
        assertTrue(changes.get(2).offeredLicences().isEmpty());
    }

    @Test
    void concurrentFirstDeliveriesOfOneItemMakeOneTitle() throws Exception {
        String provider = "race-" + word();
        String external = word();
        String data = published(provider, external, "Race " + external, "RU", "One");
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofVirtual().start(() -> statuses.add(deliver(UUID.randomUUID().toString(),
                    EventTypes.PROVIDER_TITLE_PUBLISHED, provider, provider + "/" + external, data).statusCode())));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(202, 202, 202, 202), statuses);
        JsonNode result = awaitSearch("q=" + external, r -> r.path("total").asLong() >= 1);
        Thread.sleep(1_000);
        result = json(http.get("/api/v1/titles?q=" + external).body());
        assertEquals(1, result.path("total").asLong(), "one title: " + result);
    }

    @Test
    void aMalformedItemIsRefusedWithItsReasonAndTheNextOneIsStillApplied() {
        String provider = "broken-" + word();
        String external = word();
        String movieWithSeasons = published(provider, external, "Broken " + external, "RU", "One").replace("\"kind\":\"series\"", "\"kind\":\"movie\"");
        assertError(deliver(UUID.randomUUID().toString(), EventTypes.PROVIDER_TITLE_PUBLISHED, provider, provider + "/" + external,
                movieWithSeasons), 400, "seasons");
        String backwards = published(provider, external, "Broken " + external, "RU", "One").replace("2030-01-01", "2020-01-01");
        assertError(deliver(UUID.randomUUID().toString(), EventTypes.PROVIDER_TITLE_PUBLISHED, provider, provider + "/" + external,
                backwards), 400, "from before to");
        assertError(deliver(UUID.randomUUID().toString(), EventTypes.PROVIDER_TITLE_PUBLISHED, provider, provider + "/" + external,
                "{\"provider\":\"" + provider + "\"}"), 400, "external_id");
        assertError(deliver(UUID.randomUUID().toString(), EventTypes.PROVIDER_TITLE_PUBLISHED, "someone-else", "someone-else/" + external,
                published(provider, external, "Broken " + external, "RU", "One")), 400, "source");
        assertError(deliver(UUID.randomUUID().toString(), EventTypes.PROVIDER_TITLE_PUBLISHED, provider, provider + "/" + external,
                published(provider, external, "Broken " + external, "RU", "One").replace("\"age_rating\":16", "\"age_rating\":17")), 400, "age_rating");

        assertEquals(202, deliver(UUID.randomUUID().toString(), EventTypes.PROVIDER_TITLE_PUBLISHED, provider, provider + "/" + external,
                published(provider, external, "Fixed " + external, "RU", "One")).statusCode());
        assertEquals("Fixed " + external, json(http.get("/api/v1/titles/" + titleOfProvider(provider, external)).body()).path("title").asString());
    }

    // ---- helpers ----

    private JsonNode awaitSearch(String query, Predicate<JsonNode> done) {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> response = http.get("/api/v1/titles?" + query);
            if (response.statusCode() == 200) {
                last = json(response.body());
                if (done.test(last)) {
                    return last;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("search '" + query + "' never matched; last answer " + last);
    }

    private static long count(JsonNode facet, String value) {
        for (JsonNode entry : facet) {
            if (entry.path("value").asString().equals(value)) {
                return entry.path("count").asLong();
            }
        }
        return 0;
    }

    /** The title's records on the changelog, in order, each checked against the contract. */
    static List<Title> changelog(long id, int expected) {
        List<Title> changes = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers()),
                new StringDeserializer(), new CloudEventDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TITLE_CHANGES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && changes.size() < expected) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(300))) {
                    // The outbox publishes at least once (each app context of this JVM relays the same table), so a
                    // record may come twice: the same CloudEvent id.
                    if (record.key().equals(Long.toString(id)) && eventIds.add(record.value().getId())) {
                        assertEquals(EventTypes.TITLE_UPSERTED, record.value().getType());
                        assertEquals(Long.toString(id), record.value().getSubject());
                        changes.add(TitleChangelog.read(record.value()));
                    }
                }
            }
        }
        assertEquals(expected, changes.size(), "changelog records of title " + id);
        return changes;
    }

    private static void assertError(HttpResponse<String> response, int status, String fragment) {
        assertTrue(TestHttp.isJsonError(response, status, fragment), response.statusCode() + " " + response.body());
    }
}
