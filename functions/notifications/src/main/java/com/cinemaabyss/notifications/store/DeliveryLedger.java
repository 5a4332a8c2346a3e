package com.cinemaabyss.notifications.store;

import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.notifications.domain.Kind;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Each notification is sent once per triggering event: "sending" is written (only if nothing is) before the send and
 * "sent" after it. A redelivery that finds "sent" or "failed" does nothing; one that finds a young "sending" is told to
 * come back later (503: the first delivery may still be talking to SMTP); one that finds a "sending" older than
 * staleAfter knows that delivery died between the two writes and sends once more (at most maxAttempts in all).
 */
public class DeliveryLedger {

    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    static final Duration KEEP = Duration.ofDays(30);

    private final DynamoDbTable<DeliveryItem> table;
    private final Clock clock;
    private final Duration staleAfter;
    private final int maxAttempts;

    public DeliveryLedger(DynamoDbTable<DeliveryItem> table, Clock clock, Duration staleAfter, int maxAttempts) {
        this.table = table;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.maxAttempts = maxAttempts;
    }

    /** A send this delivery may make: the ledger entry and when it was claimed (the release and finish check it). */
    public record Claim(String id, long startedAt, int attempt) {
    }

    /** The claim to send, or empty when this notification was sent (or failed for good) already. */
    public Optional<Claim> begin(String id, Kind kind, long userId) {
        Instant now = clock.instant();
        DeliveryItem item = new DeliveryItem();
        item.setId(id);
        item.setStatus(SENDING);
        item.setKind(kind.code());
        item.setUserId(userId);
        item.setStartedAt(now.toEpochMilli());
        item.setAttempts(1);
        item.setExpiresAt(now.plus(KEEP).getEpochSecond());
        try {
            table.putItem(PutItemEnhancedRequest.builder(DeliveryItem.class).item(item)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(id)").build()).build());
            return Optional.of(new Claim(id, item.getStartedAt(), 1));
        } catch (ConditionalCheckFailedException seen) {
            return again(id, now);
        }
    }

    private Optional<Claim> again(String id, Instant now) {
        DeliveryItem seen = find(id).orElseThrow(() -> new UnavailableException("delivery " + id + " changed while it was read; retry", null));
        if (!SENDING.equals(seen.getStatus())) {
            return Optional.empty();
        }
        boolean stale = now.toEpochMilli() - seen.getStartedAt() >= staleAfter.toMillis();
        if (!stale) {
            throw new UnavailableException("this notification is being sent by another delivery; retry later", null);
        }
        int attempts = seen.getAttempts() == null ? 1 : seen.getAttempts();
        if (attempts >= maxAttempts) {
            finish(id, seen.getStartedAt(), FAILED, "no confirmation after " + attempts + " attempts; not sent again");
            return Optional.empty();
        }
        DeliveryItem retry = new DeliveryItem();
        retry.setId(id);
        retry.setStartedAt(now.toEpochMilli());
        retry.setAttempts(attempts + 1);
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(DeliveryItem.class).item(retry).ignoreNullsMode(software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode.SCALAR_ONLY)
                    .conditionExpression(sameClaim(seen.getStartedAt())).build());
            return Optional.of(new Claim(id, retry.getStartedAt(), attempts + 1));
        } catch (ConditionalCheckFailedException raced) {
            throw new UnavailableException("another delivery took over this notification; retry later", null);
        }
    }

    public void sent(Claim claim) {
        finish(claim.id(), claim.startedAt(), SENT, null);
    }

    public void failed(Claim claim, String reason) {
        finish(claim.id(), claim.startedAt(), FAILED, reason.length() > 500 ? reason.substring(0, 500) : reason);
    }

    /** A send that failed for now: the entry goes, so the redelivery the 503 asks for claims it afresh. */
    public void release(Claim claim) {
        try {
            table.deleteItem(DeleteItemEnhancedRequest.builder().key(key(claim.id())).conditionExpression(sameClaim(claim.startedAt())).build());
        } catch (ConditionalCheckFailedException taken) {
            // Another delivery took over: it owns the entry now.
        }
    }

    public Optional<DeliveryItem> find(String id) {
        return Optional.ofNullable(table.getItem(key(id)));
    }

    private void finish(String id, long startedAt, String status, String failure) {
        DeliveryItem done = new DeliveryItem();
        done.setId(id);
        done.setStatus(status);
        done.setFinishedAt(clock.millis());
        done.setFailure(failure);
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(DeliveryItem.class).item(done).ignoreNullsMode(software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode.SCALAR_ONLY)
                    .conditionExpression(sameClaim(startedAt)).build());
        } catch (ConditionalCheckFailedException taken) {
            // A stale-claim retry took over after this send had started: the mail went out, and that retry records its own end.
        }
    }

    private static Expression sameClaim(long startedAt) {
        return Expression.builder().expression("startedAt = :s AND #st = :sending")
                .expressionNames(Map.of("#st", "status"))
                .expressionValues(Map.of(":s", AttributeValue.fromN(Long.toString(startedAt)), ":sending", AttributeValue.fromS(SENDING))).build();
    }

    private static Key key(String id) {
        return Key.builder().partitionValue(id).build();
    }
}
