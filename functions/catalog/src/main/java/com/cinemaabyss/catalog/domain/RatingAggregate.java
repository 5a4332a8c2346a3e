package com.cinemaabyss.catalog.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The viewers' rating of a title as each voter's current rating: a vote replaces that voter's earlier one, a removal
 * takes it back, and a change no newer than the stored vote (a redelivery, or an older event arriving late) changes
 * nothing. The stored vote keeps the time of the last change even after a removal (a tombstone), so a late older
 * "set" cannot bring a removed rating back.
 *
 * <p>Written for the catalog (which owns the aggregate and publishes it in the title's {@code rating}); it lives here
 * until the catalog takes it over with {@link DynamoRatingAggregate}.
 */
public final class RatingAggregate {

    /** A voter's stored vote: its rating (empty once removed) and when it last changed. */
    public record Vote(OptionalLong milliPoints, Instant at) {
    }

    /** What applying a change does to the totals, and the vote to store; {@code ignored} when it changes nothing. */
    public record Decision(boolean ignored, long sumDelta, int countDelta, Vote vote) {
    }

    /** The title's totals: sum of the current votes in thousandths and how many there are. */
    public record Totals(long milliSum, long votes) {
        public double average() {
            return votes == 0 ? 0 : Math.round(milliSum / (double) votes) / 1000.0;
        }

        public Totals plus(Decision decision) {
            return new Totals(milliSum + decision.sumDelta(), votes + decision.countDelta());
        }
    }

    private RatingAggregate() {
    }

    public static Decision decide(Optional<Vote> stored, RatingChange change) {
        if (stored.isPresent() && !change.at().isAfter(stored.get().at())) {
            return new Decision(true, 0, 0, stored.get());
        }
        OptionalLong before = stored.map(Vote::milliPoints).orElse(OptionalLong.empty());
        OptionalLong after = change.milliPoints();
        long sumDelta = after.orElse(0) - before.orElse(0);
        int countDelta = (after.isPresent() ? 1 : 0) - (before.isPresent() ? 1 : 0);
        return new Decision(false, sumDelta, countDelta, new Vote(after, change.at()));
    }
}
