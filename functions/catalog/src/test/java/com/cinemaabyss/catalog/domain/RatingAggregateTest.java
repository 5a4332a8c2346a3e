package com.cinemaabyss.catalog.domain;

import com.cinemaabyss.catalog.events.RatingEvents;

import com.cinemaabyss.contracts.EventTypes;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The aggregate's rule over a sequence of changes, in memory: each voter's current rating counts once. */
class RatingAggregateTest {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    /** The aggregate of one title over an in-memory vote map, as the DynamoDB store applies it. */
    private static RatingAggregate.Totals run(List<RatingChange> changes) {
        Map<String, RatingAggregate.Vote> votes = new HashMap<>();
        RatingAggregate.Totals totals = new RatingAggregate.Totals(0, 0);
        for (RatingChange change : changes) {
            RatingAggregate.Decision decision = RatingAggregate.decide(Optional.ofNullable(votes.get(change.voter())), change);
            if (!decision.ignored()) {
                votes.put(change.voter(), decision.vote());
                totals = totals.plus(decision);
            }
        }
        return totals;
    }

    private static RatingChange set(String voter, int points, int second) {
        return new RatingChange(7, voter, OptionalLong.of(points * 1000L), T.plusSeconds(second));
    }

    private static RatingChange removed(String voter, int second) {
        return new RatingChange(7, voter, OptionalLong.empty(), T.plusSeconds(second));
    }

    @Test
    void aChangedRatingReplacesTheOldOneAndARedeliveryCountsOnce() {
        RatingChange first = set("profile:1", 8, 1);
        assertEquals(new RatingAggregate.Totals(8_000, 1), run(List.of(first, first)));
        assertEquals(new RatingAggregate.Totals(13_000, 2), run(List.of(first, set("profile:2", 5, 2), set("profile:1", 8, 3))));
        assertEquals(new RatingAggregate.Totals(6_000, 1), run(List.of(first, set("profile:1", 6, 3))));
        assertEquals(6.5, run(List.of(set("profile:1", 6, 1), set("profile:2", 7, 2))).average());
    }

    @Test
    void removalsTakeTheVoteBackAndOlderEventsArrivingLateChangeNothing() {
        assertEquals(new RatingAggregate.Totals(0, 0), run(List.of(set("profile:1", 8, 1), removed("profile:1", 2))));
        assertEquals(new RatingAggregate.Totals(0, 0), run(List.of(set("profile:1", 8, 1), removed("profile:1", 3), set("profile:1", 9, 2))),
                "a set older than the removal does not resurrect the vote");
        assertEquals(new RatingAggregate.Totals(9_000, 1), run(List.of(set("profile:1", 9, 2), set("profile:1", 4, 1))),
                "an older set arriving late is ignored");
        assertEquals(new RatingAggregate.Totals(0, 0), run(List.of(removed("profile:1", 1))), "removing what was never set");
    }

    @Test
    void legacyRatedMovieEventsAndProfileRatingsBecomeChanges() {
        var legacy = CloudEventBuilder.v1().withId("e-1").withSource(URI.create("/partners/acme")).withType(EventTypes.MOVIE_EVENT)
                .withTime(OffsetDateTime.parse("2026-11-25T10:00:00Z")).withSubject("7").withDataContentType("application/json")
                .withData("{\"movie_id\":7,\"title\":\"Stalker\",\"action\":\"rated\",\"user_id\":3,\"rating\":8.25}".getBytes(StandardCharsets.UTF_8))
                .build();
        RatingChange change = RatingEvents.read(legacy).orElseThrow();
        assertEquals(7, change.titleId());
        assertEquals("legacy-user:3", change.voter());
        assertEquals(8_250, change.milliPoints().getAsLong());

        var anonymous = CloudEventBuilder.v1(legacy).withData("{\"movie_id\":7,\"title\":\"Stalker\",\"action\":\"rated\",\"rating\":5}"
                .getBytes(StandardCharsets.UTF_8)).build();
        String voter = RatingEvents.read(anonymous).orElseThrow().voter();
        assertTrue(voter.startsWith("legacy-event:"), voter);
        assertEquals(voter, RatingEvents.read(anonymous).orElseThrow().voter(), "a redelivery is the same voter: it counts once");

        var viewed = CloudEventBuilder.v1(legacy).withData("{\"movie_id\":7,\"title\":\"Stalker\",\"action\":\"viewed\"}"
                .getBytes(StandardCharsets.UTF_8)).build();
        assertTrue(RatingEvents.read(viewed).isEmpty());

        var profile = CloudEventBuilder.v1().withId("p-1").withSource(URI.create("/cinemaabyss/profile")).withType(EventTypes.PROFILE_RATING_SET)
                .withSubject("5").withDataContentType("application/json")
                .withData("{\"profile_id\":5,\"user_id\":3,\"title_id\":7,\"rating\":9,\"rated_at\":\"2026-11-25T10:00:01Z\"}".getBytes(StandardCharsets.UTF_8))
                .build();
        assertEquals(new RatingChange(7, "profile:5", OptionalLong.of(9_000), Instant.parse("2026-11-25T10:00:01Z")),
                RatingEvents.read(profile).orElseThrow());
    }
}
