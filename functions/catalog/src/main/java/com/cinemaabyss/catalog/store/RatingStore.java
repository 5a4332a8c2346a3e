package com.cinemaabyss.catalog.store;

import com.cinemaabyss.catalog.domain.Rating;
import com.cinemaabyss.catalog.domain.RatingAggregate;
import com.cinemaabyss.catalog.domain.RatingChange;
import com.cinemaabyss.catalog.domain.Title;
import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.kit.outbox.Outbox;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The viewers' rating of each title ({@link RatingAggregate}) on DynamoDB. One transaction writes the voter's vote (only
 * if it is still the one read), the title's totals (only if their version is still the one read), the title with its new
 * {@code rating} at its next version (only if the title's version is still the one read) and the title's changelog event
 * in the outbox: the search index and every reader of the changelog see each applied vote, and nothing is stored that
 * the changelog does not announce. A lost race (another vote on the same title, or a change of the title, at the same
 * moment) reads again and decides again; a redelivered or older change decides "ignored" and writes nothing, so nothing
 * counts twice. No lock is held.
 *
 * <p>A vote for a title the catalog does not hold is acknowledged and dropped, not kept for later: the profile service
 * rates only titles it learnt from the changelog, and a legacy movie event names a movie id the events ingress never
 * checked, so keeping such votes would let made-up ids pre-load the rating of whichever title later gets that id.
 */
public class RatingStore {

    static final int ATTEMPTS = 40;

    private final DynamoDbTable<VoteItem> votes;
    private final DynamoDbTable<TotalsItem> totals;
    private final TitleStore titles;
    private final Outbox outbox;

    public RatingStore(DynamoDbTable<VoteItem> votes, DynamoDbTable<TotalsItem> totals, TitleStore titles, Outbox outbox) {
        this.votes = votes;
        this.totals = totals;
        this.titles = titles;
        this.outbox = outbox;
    }

    /** What applying a change did. */
    public enum Result {
        /** The vote and the title's new rating are stored and announced. */
        APPLIED,
        /** A redelivery, or a change no newer than the voter's stored vote: nothing written. */
        IGNORED,
        /** No such title: nothing written (see the class comment). */
        NO_TITLE
    }

    /** The result, and the title's totals after it (unchanged unless applied). */
    public record Outcome(Result result, RatingAggregate.Totals totals, Optional<Title> title) {
    }

    public Outcome apply(RatingChange change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            VoteItem storedItem = votes.getItem(r -> r.key(Key.builder().partitionValue(change.titleId()).sortValue(change.voter()).build())
                    .consistentRead(true));
            TotalsItem current = totals.getItem(r -> r.key(Key.builder().partitionValue(change.titleId()).build()).consistentRead(true));
            RatingAggregate.Totals before = current == null ? new RatingAggregate.Totals(0, 0)
                    : new RatingAggregate.Totals(current.getMilliSum(), current.getVotes());
            Optional<RatingAggregate.Vote> stored = Optional.ofNullable(storedItem).map(i -> new RatingAggregate.Vote(
                    i.getMilliPoints() == null ? OptionalLong.empty() : OptionalLong.of(i.getMilliPoints()), Instant.ofEpochMilli(i.getAt())));
            RatingAggregate.Decision decision = RatingAggregate.decide(stored, change);
            if (decision.ignored()) {
                return new Outcome(Result.IGNORED, before, Optional.empty());
            }
            RatingAggregate.Totals after = before.plus(decision);
            Optional<TitleStore.Rerating> rerating = titles.rerate(change.titleId(), rating(after));
            if (rerating.isEmpty()) {
                return new Outcome(Result.NO_TITLE, before, Optional.empty());
            }
            VoteItem vote = new VoteItem();
            vote.setTitleId(change.titleId());
            vote.setVoter(change.voter());
            vote.setMilliPoints(decision.vote().milliPoints().isPresent() ? decision.vote().milliPoints().getAsLong() : null);
            vote.setAt(decision.vote().at().toEpochMilli());
            TotalsItem next = new TotalsItem();
            next.setTitleId(change.titleId());
            next.setMilliSum(after.milliSum());
            next.setVotes(after.votes());
            next.setVersion(current == null ? 1 : current.getVersion() + 1);
            try {
                outbox.writeAndAnnounce(transaction -> {
                    transaction.addPutItem(votes, TransactPutItemEnhancedRequest.builder(VoteItem.class).item(vote).conditionExpression(storedItem == null
                            ? Expression.builder().expression("attribute_not_exists(voter)").build()
                            : Expression.builder().expression("#at = :at").expressionNames(Map.of("#at", "at"))
                                    .expressionValues(Map.of(":at", AttributeValue.fromN(Long.toString(storedItem.getAt())))).build()).build());
                    transaction.addPutItem(totals, TransactPutItemEnhancedRequest.builder(TotalsItem.class).item(next).conditionExpression(current == null
                            ? Expression.builder().expression("attribute_not_exists(titleId)").build()
                            : Expression.builder().expression("version = :v")
                                    .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(current.getVersion())))).build()).build());
                    rerating.get().write().accept(transaction);
                }, List.of(rerating.get().event()));
                return new Outcome(Result.APPLIED, after, Optional.of(rerating.get().title()));
            } catch (TransactionCanceledException lost) {
                // Another vote on this title, this voter's, or a change of the title won the race: read again and
                // decide again, after a short random pause so the racers do not meet again at once.
                pause(attempt);
            }
        }
        throw new UnavailableException("title " + change.titleId() + " is being rated too often at once; retry", null);
    }

    public RatingAggregate.Totals totals(long titleId) {
        TotalsItem item = totals.getItem(r -> r.key(Key.builder().partitionValue(titleId).build()).consistentRead(true));
        return item == null ? new RatingAggregate.Totals(0, 0) : new RatingAggregate.Totals(item.getMilliSum(), item.getVotes());
    }

    static Rating rating(RatingAggregate.Totals totals) {
        return new Rating(totals.average(), totals.votes());
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while rating; retry", e);
        }
    }
}
