package com.cinemaabyss.profile.ratings;

import com.cinemaabyss.kit.core.UnavailableException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link RatingAggregate} on DynamoDB: the voter's vote and the title's totals are written in one transaction, the vote
 * only if it is still the one read and the totals only if their version is still the one read. A lost race (another
 * vote on the same title at the same moment) reads again and decides again; a redelivered or older change decides
 * "ignored" and writes nothing, so nothing counts twice. No lock is held. The catalog would add its title write (with
 * the new {@code rating}) and its outbox event to the same transaction.
 */
public class DynamoRatingAggregate {

    static final int ATTEMPTS = 25;

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<VoteItem> votes;
    private final DynamoDbTable<TotalsItem> totals;

    public DynamoRatingAggregate(DynamoDbEnhancedClient client, DynamoDbTable<VoteItem> votes, DynamoDbTable<TotalsItem> totals) {
        this.client = client;
        this.votes = votes;
        this.totals = totals;
    }

    /** Applies {@code change}; the title's totals after it (unchanged when the change was ignored). */
    public RatingAggregate.Totals apply(RatingChange change) {
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
                return before;
            }
            RatingAggregate.Totals after = before.plus(decision);
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
                client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                        .addPutItem(votes, TransactPutItemEnhancedRequest.builder(VoteItem.class).item(vote).conditionExpression(storedItem == null
                                ? Expression.builder().expression("attribute_not_exists(voter)").build()
                                : Expression.builder().expression("#at = :at").expressionNames(Map.of("#at", "at"))
                                        .expressionValues(Map.of(":at", AttributeValue.fromN(Long.toString(storedItem.getAt())))).build()).build())
                        .addPutItem(totals, TransactPutItemEnhancedRequest.builder(TotalsItem.class).item(next).conditionExpression(current == null
                                ? Expression.builder().expression("attribute_not_exists(titleId)").build()
                                : Expression.builder().expression("version = :v")
                                        .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(current.getVersion())))).build()).build())
                        .build());
                return after;
            } catch (TransactionCanceledException lost) {
                // Another vote on this title, or this voter's, won the race: read again and decide again.
            }
        }
        throw new UnavailableException("title " + change.titleId() + " is being rated too often at once; retry", null);
    }

    public RatingAggregate.Totals totals(long titleId) {
        TotalsItem item = totals.getItem(r -> r.key(Key.builder().partitionValue(titleId).build()).consistentRead(true));
        return item == null ? new RatingAggregate.Totals(0, 0) : new RatingAggregate.Totals(item.getMilliSum(), item.getVotes());
    }
}
