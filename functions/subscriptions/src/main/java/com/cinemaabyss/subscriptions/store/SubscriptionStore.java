package com.cinemaabyss.subscriptions.store;

import com.cinemaabyss.kit.dynamo.InterleavedIds;
import com.cinemaabyss.kit.outbox.Outbox;
import com.cinemaabyss.subscriptions.domain.Entitlement;
import com.cinemaabyss.subscriptions.domain.Period;
import com.cinemaabyss.subscriptions.domain.Plan;
import com.cinemaabyss.subscriptions.domain.Status;
import com.cinemaabyss.subscriptions.domain.Subscription;
import com.cinemaabyss.subscriptions.domain.Transition;
import com.cinemaabyss.subscriptions.events.SubscriptionEvents;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Subscriptions, the per-user entitlements and the processed markers, always written together: each change is one
 * DynamoDB transaction of the markers (only if new), the subscription (only if its version is the one read), the user's
 * entitlement (only if it still names the subscription read as current) and the events (through the outbox). A
 * replay fails on a marker and changes nothing; a concurrent writer fails on a version and the caller reads again.
 */
public class SubscriptionStore {

    /**
     * Sparse index of what the renewal tick has to do: partition {@code dueShard} (a few fixed shards, so the writes of
     * many subscriptions due at the same moment do not all land on one index partition), sort {@code dueAt}. A tick
     * queries each shard for {@code dueAt <= now} with a limit, so it reads only due subscriptions and at most
     * shards x batch of them, whatever the table holds; ended subscriptions are not in it at all.
     */
    public static final String DUE_INDEX = "due-by-time";

    private final DynamoDbTable<SubscriptionItem> subscriptions;
    private final DynamoDbTable<EntitlementItem> entitlements;
    private final DynamoDbTable<ProcessedItem> processed;
    private final InterleavedIds ids;
    private final Outbox outbox;
    private final Function<Subscription, Optional<Instant>> dueAt;
    private final int shards;

    public SubscriptionStore(DynamoDbTable<SubscriptionItem> subscriptions, DynamoDbTable<EntitlementItem> entitlements,
                             DynamoDbTable<ProcessedItem> processed, InterleavedIds ids, Outbox outbox,
                             Function<Subscription, Optional<Instant>> dueAt, int shards) {
        this.subscriptions = subscriptions;
        this.entitlements = entitlements;
        this.processed = processed;
        this.ids = ids;
        this.outbox = outbox;
        this.dueAt = dueAt;
        this.shards = shards;
    }

    /** A marker to write with a change; {@code subscriptionId} and {@code boughtMillis} only on a paid marker. */
    public record Marker(String key, Long subscriptionId, Long boughtMillis) {
        public static Marker of(String key) {
            return new Marker(key, null, null);
        }
    }

    /** The current subscription named by the user's entitlement item, read consistently. */
    public record Current(Optional<Long> subscriptionId, Optional<Subscription> subscription) {
    }

    /** Another writer changed the subscription or the user's entitlement since it was read: read again and decide again. */
    public static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange(String message) {
            super(message, null, false, false);
        }
    }

    public long nextId() {
        return ids.next();
    }

    public Optional<Subscription> find(long id) {
        return Optional.ofNullable(subscriptions.getItem(r -> r.key(Key.builder().partitionValue(id).build()).consistentRead(true)))
                .map(SubscriptionStore::toSubscription);
    }

    public Current current(long userId) {
        EntitlementItem item = entitlements.getItem(r -> r.key(Key.builder().partitionValue(userId).build()).consistentRead(true));
        if (item == null) {
            return new Current(Optional.empty(), Optional.empty());
        }
        return new Current(Optional.of(item.getSubscriptionId()), find(item.getSubscriptionId()));
    }

    /** The single key read playback makes. */
    public Entitlement entitlement(long userId, Instant now) {
        EntitlementItem item = entitlements.getItem(Key.builder().partitionValue(userId).build());
        return item == null ? Entitlement.NONE
                : Entitlement.of(item.getPlanId(), Status.fromWire(item.getStatus()), Instant.ofEpochMilli(item.getUntil()), item.getMaxProfiles(), now);
    }

    public Optional<ProcessedItem> marker(String key) {
        return Optional.ofNullable(processed.getItem(r -> r.key(Key.builder().partitionValue(key).build()).consistentRead(true)));
    }

    /**
     * Writes {@code transition} with its markers and events in one transaction. {@code expectedCurrent} is the
     * subscription id the user's entitlement named when it was read (empty: none); {@code writeEntitlement} false leaves
     * the entitlement alone (a subscription that is not the user's current one). Returns false when a marker existed
     * (the change was applied before); throws {@link ConcurrentChange} when the subscription or entitlement moved.
     */
    public boolean write(Transition transition, long expectedVersion, Optional<Long> expectedCurrent, boolean writeEntitlement,
                         List<Marker> markers, Instant now) {
        Subscription s = transition.after();
        SubscriptionItem item = toItem(s, expectedVersion + 1);
        try {
            outbox.writeAndAnnounce(tx -> {
                for (Marker marker : markers) {
                    ProcessedItem p = new ProcessedItem();
                    p.setKey(marker.key());
                    p.setSubscriptionId(marker.subscriptionId());
                    p.setBoughtMillis(marker.boughtMillis());
                    p.setProcessedAt(now.toEpochMilli());
                    tx.addPutItem(processed, TransactPutItemEnhancedRequest.builder(ProcessedItem.class).item(p)
                            .conditionExpression(Expression.builder().expression("attribute_not_exists(#k)")
                                    .expressionNames(Map.of("#k", "key")).build()).build());
                }
                tx.addPutItem(subscriptions, TransactPutItemEnhancedRequest.builder(SubscriptionItem.class).item(item)
                        .conditionExpression(expectedVersion == 0
                                ? Expression.builder().expression("attribute_not_exists(id)").build()
                                : Expression.builder().expression("version = :v")
                                        .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion)))).build())
                        .build());
                if (writeEntitlement) {
                    tx.addPutItem(entitlements, TransactPutItemEnhancedRequest.builder(EntitlementItem.class).item(entitlement(s))
                            .conditionExpression(expectedCurrent
                                    .map(id -> Expression.builder().expression("attribute_not_exists(userId) OR subscriptionId = :current")
                                            .expressionValues(Map.of(":current", AttributeValue.fromN(Long.toString(id)))).build())
                                    .orElse(Expression.builder().expression("attribute_not_exists(userId)").build()))
                            .build());
                }
            }, SubscriptionEvents.of(transition));
            return true;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            for (int i = 0; i < markers.size() && i < reasons.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    return false;
                }
            }
            throw new ConcurrentChange("subscription " + s.id() + " or the entitlement of user " + s.userId() + " changed meanwhile: "
                    + reasons.stream().map(CancellationReason::code).toList());
        }
    }

    /** Up to {@code limit} subscriptions of index shard {@code shard} whose next action is due at {@code now}, oldest first. */
    public List<Long> due(int shard, Instant now, int limit) {
        return subscriptions.index(DUE_INDEX).query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortLessThanOrEqualTo(
                                Key.builder().partitionValue(shard).sortValue(now.toEpochMilli()).build()))
                        .scanIndexForward(true)
                        .limit(limit)
                        .build())
                .stream().findFirst().map(page -> page.items().stream().map(SubscriptionItem::getId).toList()).orElse(List.of());
    }

    public int shards() {
        return shards;
    }

    private SubscriptionItem toItem(Subscription s, long version) {
        SubscriptionItem item = new SubscriptionItem();
        item.setId(s.id());
        item.setUserId(s.userId());
        item.setPlanId(s.plan().planId());
        item.setPeriod(s.plan().period().wire());
        item.setMaxProfiles(s.plan().maxProfiles());
        item.setAmount(s.plan().amount());
        item.setCurrency(s.plan().currency());
        item.setStatus(s.status().wire());
        item.setPeriodStart(s.periodStart().toEpochMilli());
        item.setPeriodEnd(s.periodEnd().toEpochMilli());
        item.setCancelAtPeriodEnd(s.cancelAtPeriodEnd());
        item.setUpcomingSentFor(millis(s.upcomingSentFor()));
        item.setRenewalAttempt(s.renewalAttempt());
        item.setRenewalRequestedAt(millis(s.renewalRequestedAt()));
        item.setDunningSince(millis(s.dunningSince()));
        item.setNextRetryAt(millis(s.nextRetryAt()));
        item.setVersion(version);
        Optional<Instant> due = dueAt.apply(s);
        if (due.isPresent()) {
            item.setDueShard((int) ((s.id() >>> 1) % shards));
            item.setDueAt(due.get().toEpochMilli());
        }
        return item;
    }

    private static EntitlementItem entitlement(Subscription s) {
        EntitlementItem item = new EntitlementItem();
        item.setUserId(s.userId());
        item.setSubscriptionId(s.id());
        item.setPlanId(s.plan().planId());
        item.setStatus(s.status().wire());
        item.setUntil(s.periodEnd().toEpochMilli());
        item.setMaxProfiles(s.plan().maxProfiles());
        return item;
    }

    static Subscription toSubscription(SubscriptionItem i) {
        return new Subscription(i.getId(), i.getUserId(),
                new Plan(i.getPlanId(), Period.fromWire(i.getPeriod()), i.getMaxProfiles(), i.getAmount(), i.getCurrency()),
                Status.fromWire(i.getStatus()), Instant.ofEpochMilli(i.getPeriodStart()), Instant.ofEpochMilli(i.getPeriodEnd()),
                Boolean.TRUE.equals(i.getCancelAtPeriodEnd()), instant(i.getUpcomingSentFor()),
                i.getRenewalAttempt() == null ? 0 : i.getRenewalAttempt(), instant(i.getRenewalRequestedAt()),
                instant(i.getDunningSince()), instant(i.getNextRetryAt()), i.getVersion());
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
