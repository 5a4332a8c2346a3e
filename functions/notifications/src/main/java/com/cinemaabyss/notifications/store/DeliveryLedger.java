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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

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
    /** A campaign recipient who opted out of marketing on the channel: nothing sent, counted once. */
    public static final String SKIPPED = "skipped";
    static final Duration KEEP = Duration.ofDays(30);

    private final DynamoDbTable<DeliveryItem> table;
    private final Clock clock;
    private final Duration staleAfter;
    private final int maxAttempts;
    private final DynamoDbClient client;
    private final String campaignsTable;

    public DeliveryLedger(DynamoDbTable<DeliveryItem> table, Clock clock, Duration staleAfter, int maxAttempts) {
        this(table, clock, staleAfter, maxAttempts, null, null);
    }

    /** A ledger that also counts campaign recipients in {@code campaignsTable}, in the same transaction as their entry. */
    public DeliveryLedger(DynamoDbTable<DeliveryItem> table, Clock clock, Duration staleAfter, int maxAttempts, DynamoDbClient client,
                          String campaignsTable) {
        this.table = table;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.maxAttempts = maxAttempts;
        this.client = client;
        this.campaignsTable = campaignsTable;
    }

    /** Which counter of which campaign an entry's end adds one to. */
    public record Count(String campaignId, String counter) {
    }

    /** A send this delivery may make: the ledger entry and when it was claimed (the release and finish check it). */
    public record Claim(String id, long startedAt, int attempt) {
    }

    /** The claim to send, or empty when this notification was sent (or failed for good) already. */
    public Optional<Claim> begin(String id, Kind kind, long userId) {
        return begin(id, kind, userId, null);
    }

    /** As {@link #begin(String, Kind, long)}, the entry marked with the campaign it belongs to (null: none). */
    public Optional<Claim> begin(String id, Kind kind, long userId, String campaignId) {
        Instant now = clock.instant();
        DeliveryItem item = new DeliveryItem();
        item.setCampaignId(campaignId);
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
        finish(claim.id(), claim.startedAt(), FAILED, bounded(reason));
    }

    /** The send ended ({@link #SENT} or {@link #FAILED}); the campaign's counter grows by one with the entry, or neither. */
    public void finish(Claim claim, String status, String failure, Count count) {
        Map<String, String> names = Map.of("#st", "status");
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":status", AttributeValue.fromS(status),
                ":f", AttributeValue.fromN(Long.toString(clock.millis())), ":s", AttributeValue.fromN(Long.toString(claim.startedAt())),
                ":sending", AttributeValue.fromS(SENDING)));
        String set = "SET #st = :status, finishedAt = :f";
        if (failure != null) {
            set += ", failure = :r";
            values.put(":r", AttributeValue.fromS(bounded(failure)));
        }
        try {
            client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                    TransactWriteItem.builder().update(Update.builder().tableName(table.tableName())
                            .key(Map.of("id", AttributeValue.fromS(claim.id()))).updateExpression(set)
                            .conditionExpression("startedAt = :s AND #st = :sending").expressionAttributeNames(names)
                            .expressionAttributeValues(values).build()).build(),
                    counter(count)).build());
        } catch (TransactionCanceledException taken) {
            // A stale-claim retry took over after this send had started: it records (and counts) its own end.
        }
    }

    /**
     * An end reached without a send (a recipient who opted out, or one without an address): recorded and counted once;
     * false when the entry exists already (a redelivery), and nothing is counted.
     */
    public boolean record(String id, Kind kind, long userId, String status, String failure, Count count) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of("id", AttributeValue.fromS(id), "status", AttributeValue.fromS(status),
                "kind", AttributeValue.fromS(kind.code()), "userId", AttributeValue.fromN(Long.toString(userId)),
                "startedAt", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                "finishedAt", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                "expiresAt", AttributeValue.fromN(Long.toString(now.plus(KEEP).getEpochSecond())),
                "campaignId", AttributeValue.fromS(count.campaignId())));
        if (failure != null) {
            item.put("failure", AttributeValue.fromS(bounded(failure)));
        }
        try {
            client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table.tableName()).item(item)
                            .conditionExpression("attribute_not_exists(id)").build()).build(),
                    counter(count)).build());
            return true;
        } catch (TransactionCanceledException seen) {
            return false;
        }
    }

    private TransactWriteItem counter(Count count) {
        return TransactWriteItem.builder().update(Update.builder().tableName(campaignsTable)
                .key(Map.of("id", AttributeValue.fromS(count.campaignId()))).updateExpression("ADD #c :one")
                .conditionExpression("attribute_exists(id)")
                .expressionAttributeNames(Map.of("#c", count.counter())).expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .build()).build();
    }

    private static String bounded(String reason) {
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
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
