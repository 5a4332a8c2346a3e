package com.cinemaabyss.platform;

import com.cinemaabyss.kit.test.TestHttp;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.cinemaabyss.platform.E2EViewer.JSON;
import static com.cinemaabyss.platform.E2EViewer.await;
import static com.cinemaabyss.platform.E2EViewer.json;
import static com.cinemaabyss.platform.E2EViewer.jsonOrNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a viewer finds and what they may watch, through the gateway on the whole platform: a content manager's series
 * found by a misspelled name and by filters with facet counts; a provider's feed item published, withdrawn, and a
 * malformed one parked with its reason; playback refused without a subscription (402), outside the title's countries
 * (451) and above a kids profile's age limit (403), allowed otherwise with a signed URL the origin serves and a
 * tampered one it refuses; and the viewer's profile: a rating that moves the catalog's aggregate, progress and the next
 * episode to continue with, a recommendation the engine learnt from another viewer, and the fallback's once the engine
 * is stopped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchingE2EIT {

    /** E2EPlatform places clients connecting from this loopback address in Germany (EDGE_COUNTRY_RANGES). */
    static final String GERMAN_CLIENT = "127.0.0.2";
    private static final String PROVIDER = "e2e-films";
    private static final String WIDE_WINDOW = "\"from\":\"2020-01-01T00:00:00Z\",\"to\":\"2099-12-31T00:00:00Z\"";

    private static LocalPlatform platform;
    private static TestHttp gateway;
    private static E2EViewer admin;
    private static long seriesId;
    private static List<Long> episodes;
    private static long germanOnlyId;

    @BeforeAll
    static void start() {
        platform = E2EPlatform.platform();
        gateway = E2EPlatform.gateway();
        admin = E2EViewer.login(E2EPlatform.ADMIN_EMAIL, E2EPlatform.ADMIN_PASSWORD);
    }

    @Test
    @Order(1)
    void aContentManagersSeriesIsFoundByAMisspelledNameAndByFiltersWithFacetCounts() {
        String name = "Zvezdopad " + suffix();
        HttpResponse<String> created = admin.post("/api/v1/titles", "{\"kind\":\"series\",\"title\":\"" + name + "\","
                + "\"description\":\"Lighthouse keepers on a northern island count falling stars.\",\"genres\":[\"Mystery\",\"Drama\"],"
                + "\"countries\":[\"RU\"],\"original_language\":\"ru\",\"release_year\":1997,\"age_rating\":16,"
                + "\"people\":[{\"name\":\"Yevgenia Lodkina\",\"role\":\"director\"}],"
                + "\"seasons\":[{\"number\":1,\"episodes\":[{\"number\":1,\"title\":\"First light\",\"runtime_min\":45},"
                + "{\"number\":2,\"title\":\"The long night\",\"runtime_min\":47}]},"
                + "{\"number\":2,\"episodes\":[{\"number\":1,\"title\":\"Thaw\",\"runtime_min\":44}]}],"
                + "\"offered_licences\":[{\"region\":\"RU\"," + WIDE_WINDOW + "}]}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, created.statusCode(), created.body());
        seriesId = TestHttp.idOf(created.body());

        JsonNode series = json(gateway.get("/api/v1/titles/" + seriesId));
        assertEquals(2, series.get("seasons").size(), "a series comes with its seasons");
        episodes = new ArrayList<>();
        series.get("seasons").forEach(season -> season.get("episodes").forEach(episode -> episodes.add(episode.get("id").asLong())));
        assertEquals(3, episodes.size(), series.toString());

        E2EViewer viewer = E2EViewer.register("lurker");
        assertTrue(TestHttp.isJsonError(viewer.post("/api/v1/titles", "{\"kind\":\"movie\"}"), 403, "content_manager"),
                "a viewer may not add titles");
        assertEquals(401, gateway.post("/api/v1/titles", "{\"kind\":\"movie\"}").statusCode(), "nor may anyone unsigned");

        // The index follows the changelog: the title is found once its change went round Kafka.
        await("the series in search by a misspelled name", () -> ids(gateway.get("/api/v1/titles?q=zvezdpad")).contains(seriesId));
        JsonNode filtered = json(gateway.get("/api/v1/titles?q=zvezdpad&genre=Mystery&country=RU&year_from=1990&year_to=1999&type=series"));
        assertTrue(ids(filtered).contains(seriesId), filtered.toString());
        assertEquals(filtered.get("total").asLong(), count(filtered.get("facets").get("decades"), "1990s"),
                "every hit of a 1990-1999 search is in the 1990s: " + filtered);
        assertTrue(count(filtered.get("facets").get("genres"), "Mystery") >= 1, filtered.toString());
        assertFalse(ids(gateway.get("/api/v1/titles?q=zvezdpad&year_from=2000")).contains(seriesId), "filters combine");
        assertTrue(ids(gateway.get("/api/v1/titles?q=lodkina")).contains(seriesId), "people are searchable too");

        // The demo catalog is there, with its facets, for anyone.
        JsonNode all = json(gateway.get("/api/v1/titles?limit=5"));
        assertTrue(all.get("total").asLong() >= 20, "the demo catalog is seeded: " + all.get("total"));
        assertTrue(all.get("facets").get("genres").size() > 1, all.toString());
    }

    @Test
    @Order(2)
    void aProvidersFeedPublishesAndWithdrawsTitlesAndAMalformedItemIsParkedWithItsReason() throws Exception {
        String externalId = "night-ferry-" + suffix();
        String ferry = "Parom" + suffix();
        String published = feedEvent("published", externalId, "{\"provider\":\"" + PROVIDER + "\",\"external_id\":\"" + externalId + "\","
                + "\"kind\":\"movie\",\"title\":\"Nochnoy " + ferry + "\",\"genres\":[\"Thriller\"],\"countries\":[\"DE\"],"
                + "\"original_language\":\"de\",\"release_year\":2011,\"age_rating\":12,\"runtime_min\":94,"
                + "\"licences\":[{\"region\":\"DE\"," + WIDE_WINDOW + "}]}");
        String brokenId = "broken-" + suffix();
        String backwards = "Backwards" + suffix();
        String malformed = feedEvent("published", brokenId, "{\"provider\":\"" + PROVIDER + "\",\"external_id\":\"" + brokenId + "\","
                + "\"kind\":\"movie\",\"title\":\"" + backwards + "\",\"genres\":[\"Drama\"],\"countries\":[\"RU\"],"
                + "\"original_language\":\"ru\",\"release_year\":2001,\"age_rating\":12,\"runtime_min\":90,"
                + "\"licences\":[{\"region\":\"RU\",\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"2020-01-01T00:00:00Z\"}]}");
        HttpResponse<String> accepted = gateway.post("/api/events", "[" + malformed + "," + published + "]",
                "Content-Type", "application/cloudevents-batch+json");
        assertEquals(202, accepted.statusCode(), "the ingress checks shape, not meaning: " + accepted.body());

        await("the provider's title in search", () -> ids(gateway.get("/api/v1/titles?q=" + ferry)).size() == 1);
        germanOnlyId = ids(gateway.get("/api/v1/titles?q=" + ferry)).getFirst();
        JsonNode title = json(gateway.get("/api/v1/titles/" + germanOnlyId));
        assertEquals(externalId, title.get("provider").get("external_id").asString());

        CloudEvent parked = parkedEvent(PROVIDER + "/" + brokenId);
        assertEquals("400", String.valueOf(parked.getExtension("knativeerrorcode")));
        String reason = String.valueOf(parked.getExtension("knativeerrordata"));
        assertTrue(reason.contains("from") || reason.contains("window"), "the reason is kept with the parked item: " + reason);
        assertTrue(ids(gateway.get("/api/v1/titles?q=" + backwards)).isEmpty(), "a malformed item never becomes a title");

        // Withdrawn: out of search and gone, while the provider's other title stays.
        String withdrawnId = "withdrawn-" + suffix();
        String train = "Electrichka" + suffix();
        HttpResponse<String> second = gateway.post("/api/events", feedEvent("published", withdrawnId, "{\"provider\":\"" + PROVIDER + "\","
                        + "\"external_id\":\"" + withdrawnId + "\",\"kind\":\"movie\",\"title\":\"Poslednyaya " + train + "\","
                        + "\"genres\":[\"Comedy\"],\"countries\":[\"RU\"],\"original_language\":\"ru\",\"release_year\":1985,\"age_rating\":0,"
                        + "\"runtime_min\":80,\"licences\":[{\"region\":\"RU\"," + WIDE_WINDOW + "}]}"),
                "Content-Type", "application/cloudevents+json");
        assertEquals(202, second.statusCode(), second.body());
        await("the second title in search", () -> ids(gateway.get("/api/v1/titles?q=" + train)).size() == 1);
        long withdrawn = ids(gateway.get("/api/v1/titles?q=" + train)).getFirst();
        HttpResponse<String> withdrawal = gateway.post("/api/events", feedEvent("withdrawn", withdrawnId,
                "{\"provider\":\"" + PROVIDER + "\",\"external_id\":\"" + withdrawnId + "\",\"reason\":\"rights ended\"}"),
                "Content-Type", "application/cloudevents+json");
        assertEquals(202, withdrawal.statusCode(), withdrawal.body());
        await("the withdrawn title out of search", () -> ids(gateway.get("/api/v1/titles?q=" + train)).isEmpty());
        assertEquals(404, gateway.get("/api/v1/titles/" + withdrawn).statusCode());
        assertEquals(200, gateway.get("/api/v1/titles/" + germanOnlyId).statusCode());
    }

    @Test
    @Order(3)
    void playbackNeedsASubscriptionALicenceWhereTheViewerIsAndAnAgeTheProfileMayWatch() throws Exception {
        E2EViewer viewer = E2EViewer.register("watcher");
        String episode = "{\"episode_id\":" + episodes.getFirst() + "}";
        assertTrue(TestHttp.isJsonError(viewer.post("/api/v1/playback", episode), 402, ""), "no subscription, no playback");

        JsonNode quote = viewer.quote("premium-year", null);
        HttpResponse<String> checkout = viewer.post("/api/v1/checkouts", "{\"quote_id\":" + quote.get("quote_id").asLong()
                + ",\"payment_token\":\"tok_visa\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(202, checkout.statusCode(), checkout.body());
        viewer.awaitEntitlement(true);

        // Content learns titles from the changelog; once it knows the series, the episode plays in Russia.
        HttpResponse<String>[] answer = new HttpResponse[1];
        await("the episode playable", () -> (answer[0] = viewer.post("/api/v1/playback", episode)).statusCode() == 200);
        // The web client's title screen (the web BFF through the gateway) says so too, without starting a session.
        JsonNode[] screen = new JsonNode[1];
        await("the title screen to show the series playable", () -> {
            screen[0] = jsonOrNull(viewer.get("/api/web/titles/" + seriesId));
            return screen[0] != null && screen[0].get("availability").path("playable").asBoolean(false);
        });
        assertEquals("RU", screen[0].get("availability").get("region").asString());
        assertEquals(episodes.getFirst(), screen[0].get("title").get("seasons").get(0).get("episodes").get(0).get("episode_id").asLong());
        JsonNode playback = JSON.readTree(answer[0].body());
        URI stream = URI.create(playback.get("stream_url").asString());
        HttpResponse<String> playlist = fetch(stream);
        assertEquals(200, playlist.statusCode(), playlist.body());
        assertTrue(playlist.body().startsWith("#EXTM3U"), playlist.body());
        assertEquals(403, fetch(tampered(stream)).statusCode(), "a URL changed after signing is refused");

        // A title offered only in Germany: refused here, played from an address the edge places in Germany.
        String german = "{\"title_id\":" + germanOnlyId + "}";
        await("content to know the German title", () -> viewer.post("/api/v1/playback", german).statusCode() == 451);
        E2EViewer inGermany = viewer.via(TestHttp.from(platform.url("gateway").toString(), InetAddress.getByName(GERMAN_CLIENT)));
        HttpResponse<String> there = inGermany.post("/api/v1/playback", german);
        assertEquals(200, there.statusCode(), "licensed where the viewer is: " + there.body());
        assertTrue(TestHttp.isJsonError(inGermany.post("/api/v1/playback", episode), 451, ""), "and the Russian series not there");
        assertEquals(200, viewer.post("/api/v1/playback", episode, "X-Client-Country", "DE").statusCode(),
                "what a client says about its country is not believed");

        // A kids profile may not watch the 16+ series; the account holder's adult profile may.
        HttpResponse<String> kid = viewer.post("/api/v1/me/profiles", "{\"name\":\"Masha\",\"kids\":true}",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, kid.statusCode(), kid.body());
        long kidProfile = TestHttp.idOf(kid.body());
        HttpResponse<String> tooYoung = viewer.post("/api/v1/playback", "{\"episode_id\":" + episodes.getFirst() + ",\"profile_id\":" + kidProfile + "}");
        assertTrue(TestHttp.isJsonError(tooYoung, 403, ""), tooYoung.statusCode() + " " + tooYoung.body());
        assertEquals(404, viewer.post("/api/v1/playback", "{\"title_id\":9000000000}").statusCode());
    }

    @Test
    @Order(4)
    void aViewersRatingMovesTheCatalogsAggregateAndFinishedEpisodesLeadToTheNextOne() {
        E2EViewer viewer = E2EViewer.register("rater");
        int votesBefore = json(gateway.get("/api/v1/titles/" + seriesId)).get("rating").get("votes").asInt();
        assertEquals(200, viewer.put("/api/v1/me/ratings/" + seriesId, "{\"rating\":9}").statusCode());
        assertEquals(200, viewer.put("/api/v1/me/ratings/" + seriesId, "{\"rating\":7}").statusCode(), "changed: replaces the 9");
        await("the catalog's aggregate to count the rating once", () -> {
            JsonNode rating = json(gateway.get("/api/v1/titles/" + seriesId)).get("rating");
            return rating.get("votes").asInt() == votesBefore + 1 && (votesBefore > 0 || rating.get("average").asDouble() == 7.0);
        });

        assertEquals(200, viewer.put("/api/v1/me/favorites/" + seriesId, "").statusCode());
        assertTrue(ids(json(viewer.get("/api/v1/me/favorites")).get("items"), "title_id").contains(seriesId));

        await("profile to know the series' episodes", () -> viewer.post("/api/v1/me/progress",
                "{\"episode_id\":" + episodes.get(1) + ",\"position_s\":2800,\"duration_s\":2820}").statusCode() / 100 == 2);
        JsonNode next = json(viewer.get("/api/v1/me/continue-watching"));
        assertEquals(episodes.get(2), next.get(0).get("episode_id").asLong(), "season 2's first episode follows season 1's last: " + next);
        assertTrue(next.get(0).get("next").asBoolean());

        // The web client's screens, one call each through the gateway: home shows where the viewer is in the series,
        // the title screen their rating and favourite, and why they may not play it yet (no plan).
        JsonNode[] home = new JsonNode[1];
        await("home to show continue watching", () -> {
            home[0] = json(viewer.get("/api/web/home"));
            return !home[0].get("continue_watching").isEmpty() && home[0].get("degraded").isEmpty();
        });
        JsonNode watching = home[0].get("continue_watching").get(0);
        assertEquals(seriesId + " " + episodes.get(2), watching.get("title_id").asLong() + " " + watching.get("episode_id").asLong(), home[0].toString());
        assertEquals(json(gateway.get("/api/v1/titles/" + seriesId)).get("title").asString(), watching.get("title").asString());
        assertFalse(home[0].get("new_releases").isEmpty());
        JsonNode[] title = new JsonNode[1];
        await("the title screen with the viewer's state and availability", () -> {
            title[0] = json(viewer.get("/api/web/titles/" + seriesId));
            return title[0].get("degraded").isEmpty();
        });
        assertEquals("7 true", title[0].get("viewer").get("rating").asInt() + " " + title[0].get("viewer").get("favorite").asBoolean(), title[0].toString());
        assertEquals(episodes.get(1), title[0].get("viewer").get("progress").get("episode_id").asLong());
        assertEquals("subscription_required", title[0].get("availability").get("reason").asString());
        assertFalse(title[0].get("plans").isEmpty(), "what subscribing costs");

        // The engine learns that who watched the series also watched Stalker, and recommends Stalker to the next viewer
        // of the series, saying why.
        long stalker = ids(gateway.get("/api/v1/titles?q=stalker&type=movie")).getFirst();
        assertEquals(2, viewer.post("/api/v1/me/progress", "{\"title_id\":" + stalker + ",\"position_s\":600,\"duration_s\":9660}").statusCode() / 100);
        E2EViewer follower = E2EViewer.register("follower");
        assertEquals(2, follower.post("/api/v1/me/progress", "{\"episode_id\":" + episodes.get(0) + ",\"position_s\":60,\"duration_s\":2700}").statusCode() / 100);
        JsonNode[] recommended = new JsonNode[1];
        await("Stalker recommended by the engine", () -> {
            recommended[0] = json(follower.get("/api/v1/me/recommendations?limit=10"));
            return "engine".equals(recommended[0].get("source").asString()) && ids(recommended[0].get("items"), "title_id").contains(stalker);
        });
        JsonNode first = recommended[0].get("items").get(0);
        assertFalse(first.get("reason").asString().isBlank(), "each recommendation says why: " + recommended[0]);

        // The engine gone, the screen is still full: the fallback, within the adapter's budget (800 ms; generous here).
        platform.stopService(LocalPlatform.ENGINE);
        long started = System.nanoTime();
        JsonNode fallback = json(follower.get("/api/v1/me/recommendations?limit=10"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals("fallback", fallback.get("source").asString(), fallback.toString());
        assertFalse(fallback.get("items").isEmpty(), "never an empty screen");
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "answered in " + took.toMillis() + " ms with the engine down");
    }

    private static String feedEvent(String what, String externalId, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/providers/" + PROVIDER + "\","
                + "\"type\":\"com.cinemaabyss.content.title." + what + ".v1\",\"subject\":\"" + PROVIDER + "/" + externalId + "\","
                + "\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }

    /** The event the eventing layer parked in the dead-letter topic for this subject, waiting for it. */
    private static CloudEvent parkedEvent(String subject) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor("dead-letter-events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Optional<CloudEvent>[] found = new Optional[]{Optional.empty()};
            await("the malformed item in dead-letter-events", () -> {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (subject.equals(record.value().getSubject())) {
                        found[0] = Optional.of(record.value());
                    }
                }
                return found[0].isPresent();
            });
            return found[0].orElseThrow();
        }
    }

    private static HttpResponse<String> fetch(URI uri) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    /** The same URL for another user: the signature no longer matches. */
    private static URI tampered(URI stream) {
        String query = stream.getRawQuery().replaceFirst("uid=(\\d+)", "uid=1$1");
        assertNotEquals(stream.getRawQuery(), query, stream.toString());
        return URI.create(stream.getScheme() + "://" + stream.getRawAuthority() + stream.getRawPath() + "?" + query);
    }

    private static List<Long> ids(HttpResponse<String> search) {
        return ids(json(search).get("items"), "id");
    }

    private static List<Long> ids(JsonNode result) {
        return ids(result.get("items"), "id");
    }

    private static List<Long> ids(JsonNode items, String field) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get(field).asLong()));
        return ids;
    }

    private static long count(JsonNode facet, String value) {
        for (JsonNode entry : facet) {
            if (value.equals(entry.get("value").asString())) {
                return entry.get("count").asLong();
            }
        }
        return 0;
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000, 36);
    }
}
