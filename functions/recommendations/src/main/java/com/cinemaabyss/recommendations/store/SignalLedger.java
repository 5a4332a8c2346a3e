package com.cinemaabyss.recommendations.store;

import com.cinemaabyss.recommendations.domain.Signal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Exactly once per CloudEvent (source + id): the ledger entry and the popularity it adds are one DynamoDB transaction,
 * so a redelivered event adds nothing, and a crash between the two cannot count it twice or lose it. Popularity decays
 * by forward decay: an interaction at time t adds {@code weight x 2^((t - 2026-01-01) / half-life)}, so newer interactions
 * weigh more without any stored value being rewritten (the ratio of two titles' scores is that of their decayed sums).
 */
public class SignalLedger {

    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final DynamoDbClient client;
    private final String table;
    private final TitleStore titles;
    private final Duration halfLife;
    private final Duration ttl;
    private final Clock clock;

    public SignalLedger(DynamoDbClient client, String table, TitleStore titles, Duration halfLife, Duration ttl, Clock clock) {
        this.client = client;
        this.table = table;
        this.titles = titles;
        this.halfLife = halfLife;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** True the first time this event is seen (its popularity added), false for a redelivery. */
    public boolean once(String source, String id, Signal signal) {
        Instant now = clock.instant();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(Map.of("id", AttributeValue.fromS(key(source, id)),
                        "expires_at", AttributeValue.fromN(Long.toString(now.plus(ttl).getEpochSecond()))))
                .conditionExpression("attribute_not_exists(id)").build()).build());
        double weight = signal.popularity();
        if (weight > 0) {
            writes.add(TransactWriteItem.builder().update(titles.addPopularity(signal.titleId(), decayed(weight, signal.at(), now))).build());
        }
        try {
            client.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.getFirst().code())) {
                return false;
            }
            throw e;
        }
    }

    /** {@code weight} at time {@code at} (never later than now, never before the epoch) in the forward-decay scale. */
    double decayed(double weight, Instant at, Instant now) {
        Instant when = at.isAfter(now) ? now : at.isBefore(EPOCH) ? EPOCH : at;
        return weight * Math.pow(2, (double) Duration.between(EPOCH, when).toMillis() / halfLife.toMillis());
    }

    /** Bounded whatever the source and id are (each up to what the CloudEvent reader takes). */
    static String key(String source, String id) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((source + "\n" + id).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
