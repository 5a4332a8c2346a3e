package com.cinemaabyss.catalog;

import com.cinemaabyss.catalog.domain.RatingAggregate;
import com.cinemaabyss.catalog.domain.RatingChange;
import com.cinemaabyss.catalog.domain.Title;
import com.cinemaabyss.catalog.store.RatingStore;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The viewers' rating of titles from profile-events and the legacy movie-events, against real DynamoDB Local and Kafka:
 * each voter counts once with their latest rating, the title and its changelog carry the new rating, search sorts by it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RatingsIT {

    private static final String MANAGER = TestIdentity.shared().bearer(41, "content_manager");
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    @LocalServerPort
    int port;
    TestHttp http;

    @Autowired
    RatingStore ratings;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
        TestIdentity.shared().properties().forEach(registry::add);
    }

    @BeforeAll
    static void topics() {
        try {
            SharedTestInfra.kafka().createTopics(List.of(new NewTopic(Topics.TITLE_CHANGES, 3, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact"))));
        } catch (RuntimeException alreadyThere) {
            // another test class of this JVM created it
        }
    }

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
    }

    @Test
    void eachProfileCountsOnceWithItsLatestRatingAndTheChangelogCarriesIt() {
        long id = title(TitlesIT.word());

        assertEquals(202, rate("e-" + UUID.randomUUID(), 1, id, 9, T).statusCode());
        assertRating(id, 9.0, 1, 2);
        String second = "e-" + UUID.randomUUID();
        assertEquals(202, rate(second, 1, id, 7, T.plusSeconds(1)).statusCode());
        assertRating(id, 7.0, 1, 3);
        assertEquals(202, rate(second, 1, id, 7, T.plusSeconds(1)).statusCode(), "a redelivery is acknowledged");
        assertRating(id, 7.0, 1, 3);

        assertEquals(202, deliver("/internal/events/profile-events", "e-" + UUID.randomUUID(), EventTypes.PROFILE_RATING_REMOVED,
                "/cinemaabyss/profile", null, """
                        {"profile_id":1,"user_id":11,"title_id":%d,"removed_at":"%s"}""".formatted(id, T.plusSeconds(2))).statusCode());
        assertRating(id, 0.0, 0, 4);

        assertEquals(202, legacyRated("m-" + UUID.randomUUID(), id, 5, "8.25").statusCode());
        assertRating(id, 8.25, 1, 5);
        assertEquals(202, rate("e-" + UUID.randomUUID(), 2, id, 6, T.plusSeconds(3)).statusCode());
        assertRating(id, 7.125, 2, 6);

        List<Title> changes = TitlesIT.changelog(id, 6);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), changes.stream().map(Title::version).toList());
        assertEquals(List.of(0L, 1L, 1L, 0L, 1L, 2L), changes.stream().map(t -> t.rating().votes()).toList());
        assertEquals(List.of(0.0, 9.0, 7.0, 0.0, 8.25, 7.125), changes.stream().map(t -> t.rating().average()).toList());
    }

    @Test
    void searchSortsByTheNewRating() {
        String word = TitlesIT.word();
        long low = title(word);
        long high = title(word);
        rate("e-" + UUID.randomUUID(), 3, low, 3, T);
        rate("e-" + UUID.randomUUID(), 3, high, 9, T);
        awaitSorted(word, List.of(high, low));
        // Profile 3 changes its mind on the first one (3 -> 10) and profile 4 agrees: 10 against 9.
        rate("e-" + UUID.randomUUID(), 3, low, 10, T.plusSeconds(1));
        rate("e-" + UUID.randomUUID(), 4, low, 10, T);
        awaitSorted(word, List.of(low, high));
    }

    @Test
    void otherEventsAndUnknownTitlesChangeNothingAndBrokenOnesAreRefused() {
        long id = title(TitlesIT.word());
        assertEquals(202, deliver("/internal/events/profile-events", "e-" + UUID.randomUUID(), EventTypes.PROFILE_FAVORITE_ADDED,
                "/cinemaabyss/profile", null, """
                        {"profile_id":1,"user_id":11,"title_id":%d,"at":"%s"}""".formatted(id, T)).statusCode());
        assertEquals(202, deliver("/internal/events/movie-events", "m-" + UUID.randomUUID(), EventTypes.MOVIE_EVENT, "/legacy",
                T.toString(), """
                        {"movie_id":%d,"title":"Stalker","action":"viewed","user_id":5}""".formatted(id)).statusCode());
        assertRating(id, 0.0, 0, 1);

        long unknown = 9_000_000_000_000L + (long) (Math.random() * 1_000_000);
        assertEquals(202, rate("e-" + UUID.randomUUID(), 1, unknown, 8, T).statusCode(), "a vote for no title is acknowledged");
        assertEquals(new RatingAggregate.Totals(0, 0), ratings.totals(unknown), "and dropped");
        assertEquals(404, http.get("/api/v1/titles/" + unknown).statusCode());

        HttpResponse<String> outOfRange = rate("e-" + UUID.randomUUID(), 1, id, 11, T);
        assertTrue(TestHttp.isJsonError(outOfRange, 400, "rating"), outOfRange.statusCode() + " " + outOfRange.body());
        HttpResponse<String> noRating = legacyRated("m-" + UUID.randomUUID(), id, 5, null);
        assertTrue(TestHttp.isJsonError(noRating, 400, "rating"), noRating.statusCode() + " " + noRating.body());
        assertRating(id, 0.0, 0, 1);
    }

    @Test
    void concurrentVotesFromManyProfilesAddUpExactly() throws Exception {
        long id = title(TitlesIT.word());
        List<Callable<Integer>> work = new ArrayList<>();
        int profiles = 24;
        long sum = 0;
        for (int profile = 1; profile <= profiles; profile++) {
            int rating = profile % 10 + 1;
            sum += rating;
            String eventId = "e-" + UUID.randomUUID();
            int p = profile;
            // Each event twice: the redelivery races its original.
            work.add(() -> rate(eventId, p, id, rating, T).statusCode());
            work.add(() -> rate(eventId, p, id, rating, T).statusCode());
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (Future<Integer> answer : pool.invokeAll(work)) {
                assertEquals(202, answer.get());
            }
        }
        assertEquals(new RatingAggregate.Totals(sum * 1000, profiles), ratings.totals(id));
        JsonNode rating = TitlesIT.json(http.get("/api/v1/titles/" + id).body());
        assertEquals(profiles, rating.path("rating").path("votes").asLong());
        assertEquals(1 + profiles, rating.path("version").asLong(), "one new version per counted vote");
        assertEquals(Math.round(sum * 1000.0 / profiles) / 1000.0, rating.path("rating").path("average").asDouble());
    }

    /** The aggregate's rule on the store itself: replacements, removals, and an older change arriving late. */
    @Test
    void aRemovedVoteStaysRemovedWhenAnOlderSetArrivesLate() {
        long id = title(TitlesIT.word());
        RatingChange first = new RatingChange(id, "profile:1", OptionalLong.of(8_000), T);
        assertEquals(RatingStore.Result.APPLIED, ratings.apply(first).result());
        assertEquals(RatingStore.Result.IGNORED, ratings.apply(first).result());
        ratings.apply(new RatingChange(id, "legacy-user:3", OptionalLong.of(6_500), T));
        ratings.apply(new RatingChange(id, "profile:1", OptionalLong.of(10_000), T.plusSeconds(5)));
        assertEquals(new RatingAggregate.Totals(16_500, 2), ratings.totals(id), "a changed rating replaces the old one");
        ratings.apply(new RatingChange(id, "profile:1", OptionalLong.empty(), T.plusSeconds(6)));
        assertEquals(RatingStore.Result.IGNORED, ratings.apply(new RatingChange(id, "profile:1", OptionalLong.of(1_000), T.plusSeconds(4))).result());
        assertEquals(new RatingAggregate.Totals(6_500, 1), ratings.totals(id), "removed, and an older set arriving late changes nothing");
        assertRating(id, 6.5, 1, 5);
    }

    // ---- helpers ----

    private long title(String word) {
        HttpResponse<String> response = http.post("/api/v1/titles", TitlesIT.movie("Rated " + word, "Drama", "RU", 1979, "Andrei Tarkovsky"),
                "Authorization", MANAGER);
        assertEquals(201, response.statusCode(), response.body());
        return TestHttp.idOf(response.body());
    }

    private HttpResponse<String> rate(String eventId, long profile, long titleId, int rating, Instant at) {
        return deliver("/internal/events/profile-events", eventId, EventTypes.PROFILE_RATING_SET, "/cinemaabyss/profile", null, """
                {"profile_id":%d,"user_id":%d,"title_id":%d,"rating":%d,"rated_at":"%s"}""".formatted(profile, profile + 10, titleId, rating, at));
    }

    private HttpResponse<String> legacyRated(String eventId, long movieId, long userId, String rating) {
        return deliver("/internal/events/movie-events", eventId, EventTypes.MOVIE_EVENT, "/legacy", T.toString(), """
                {"movie_id":%d,"title":"Stalker","action":"rated","user_id":%d%s}""".formatted(movieId, userId,
                rating == null ? "" : ",\"rating\":" + rating));
    }

    private HttpResponse<String> deliver(String path, String id, String type, String source, String time, String data) {
        HttpRequest.Builder request = http.request(path)
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-type", type).header("ce-source", source)
                .header("Content-Type", "application/json");
        if (time != null) {
            request.header("ce-time", time);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(data)));
    }

    private void assertRating(long id, double average, long votes, long version) {
        HttpResponse<String> response = http.get("/api/v1/titles/" + id);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode title = TitlesIT.json(response.body());
        assertEquals(average, title.path("rating").path("average").asDouble(), response.body());
        assertEquals(votes, title.path("rating").path("votes").asLong(), response.body());
        assertEquals(version, title.path("version").asLong(), response.body());
    }

    private void awaitSorted(String word, List<Long> expected) {
        long deadline = System.currentTimeMillis() + 30_000;
        List<Long> last = List.of();
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> response = http.get("/api/v1/titles?q=" + word + "&sort=rating");
            if (response.statusCode() == 200) {
                last = new ArrayList<>();
                for (JsonNode item : TitlesIT.json(response.body()).path("items")) {
                    last.add(item.path("id").asLong());
                }
                if (last.equals(expected)) {
                    return;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("search for " + word + " by rating never gave " + expected + "; last " + last);
    }
}
