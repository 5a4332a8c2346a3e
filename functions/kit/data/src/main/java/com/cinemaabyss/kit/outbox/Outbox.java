package com.cinemaabyss.kit.outbox;

import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.events.CloudEventPublisher;
import com.cinemaabyss.kit.events.EventJson;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Transactional outbox: a change and the event announcing it are written in one DynamoDB transaction, and a
 * relay publishes pending events to Kafka, oldest first, and removes them once acknowledged. Kafka being down
 * delays events; it never loses one, and never fails the write that caused it. An event Kafka refuses for good is
 * tried a bounded number of times and then parked (kept in the table, out of the pending index, logged), so it
 * cannot hold up the events behind it. A relay tick reads only the pending index, so it costs what is pending,
 * whatever else the table holds. One instance drains one batch at a time; delivery is still at least once (several
 * instances may relay the same row), so readers must be idempotent.
 */
public class Outbox implements AutoCloseable {

    /** Sparse index of the rows still to publish, by the time they were written. */
    public static final String PENDING_INDEX = "pending-by-time";
    static final String PENDING = "1";
    private static final int PAGE = 100;

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<OutboxItem> table;
    private final DynamoDbIndex<OutboxItem> pendingIndex;
    private final CloudEventPublisher publisher;
    private final int maxAttempts;
    private final Clock clock;
    /** What the last relay pass left pending: how many rows, and when the oldest was written (null when none). */
    private volatile Backlog backlog = new Backlog(0, null);
    private final ScheduledExecutorService relay = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("outbox-relay").daemon().factory());

    public Outbox(DynamoDbEnhancedClient client, TableSetup tables, String tableName, CloudEventPublisher publisher,
                  Duration sweepInterval, int maxAttempts) {
        this(client, tables, tableName, publisher, sweepInterval, maxAttempts, Clock.systemUTC());
    }

    Outbox(DynamoDbEnhancedClient client, TableSetup tables, String tableName, CloudEventPublisher publisher,
           Duration sweepInterval, int maxAttempts, Clock clock) {
        this.clock = clock;
        this.client = client;
        this.table = tables.ensure(client.table(tableName, TableSchema.fromBean(OutboxItem.class)),
                CreateTableEnhancedRequest.builder().globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder()
                        .indexName(PENDING_INDEX).projection(p -> p.projectionType(ProjectionType.ALL)).build()).build());
        this.pendingIndex = table.index(PENDING_INDEX);
        this.publisher = publisher;
        this.maxAttempts = maxAttempts;
        relay.scheduleWithFixedDelay(this::drainQuietly, sweepInterval.toMillis(), sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Inserts {@code item} (only if no item has its id yet) and queues {@code event} in one transaction, then
     * asks the relay to publish at once rather than at the next sweep.
     */
    public <T> void insertAndAnnounce(DynamoDbTable<T> target, T item, String topic, String key, CloudEvent event) {
        @SuppressWarnings("unchecked")
        Class<T> itemType = (Class<T>) target.tableSchema().itemType().rawClass();
        writeAndAnnounce(transaction -> transaction.addPutItem(target, TransactPutItemEnhancedRequest.builder(itemType)
                .item(item).conditionExpression(KeyedTable.notExists()).build()), List.of(new Announcement(topic, key, event)));
    }

    /** An event to queue: the topic, the record key (the entity's id) and the event. */
    public record Announcement(String topic, String key, CloudEvent event) {
    }

    /**
     * Writes what {@code changes} adds to a DynamoDB transaction (puts, updates, condition checks on any tables) and
     * queues {@code events} in the same transaction: all of it is stored, or none of it (a failed condition throws
     * the SDK's {@code TransactionCanceledException}, whose reasons are in the order the items were added, the
     * caller's first). Then asks the relay to publish at once.
     */
    public void writeAndAnnounce(Consumer<TransactWriteItemsEnhancedRequest.Builder> changes, List<Announcement> events) {
        TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder();
        changes.accept(transaction);
        long now = clock.millis();
        for (Announcement announcement : events) {
            OutboxItem pending = new OutboxItem();
            pending.setId(announcement.event().getId());
            pending.setTopic(announcement.topic());
            pending.setKey(announcement.key());
            // The event keeps the trace of the request that wrote it, so the relay's later publish continues that trace.
            pending.setEvent(EventJson.toStructured(publisher.traced(announcement.event())));
            pending.setPending(PENDING);
            pending.setCreatedAtMillis(now);
            pending.setAttempts(0);
            transaction.addPutItem(table, pending);
        }
        client.transactWriteItems(transaction.build());
        relay.execute(this::drainQuietly);
    }

    /**
     * Publishes what is pending, oldest first; returns how many were published. Stops at the first sign that Kafka
     * is unavailable (the rest would fail the same way); a row Kafka refuses is counted and, at the bound, parked.
     */
    public synchronized int drain() {
        int published = 0;
        List<OutboxItem> listed = pendingInOrder();
        List<OutboxItem> left = new ArrayList<>();
        try {
            for (int i = 0; i < listed.size(); i++) {
                // The index is eventually consistent: a row another drain just published may still be listed.
                String id = listed.get(i).getId();
                OutboxItem item = table.getItem(r -> r.key(Key.builder().partitionValue(id).build()).consistentRead(true));
                if (item == null || item.getPending() == null) {
                    continue;
                }
                try {
                    publisher.publish(item.getTopic(), item.getKey(), EventJson.fromStructured(item.getEvent()));
                } catch (UnavailableException kafkaDown) {
                    left.addAll(listed.subList(i, listed.size()));
                    throw kafkaDown;
                } catch (RuntimeException refused) {
                    if (!failed(item, refused)) {
                        left.add(item);
                    }
                    continue;
                }
                table.deleteItem(item);
                published++;
            }
        } finally {
            backlog = new Backlog(left.size(), left.stream().map(OutboxItem::getCreatedAtMillis).filter(Objects::nonNull)
                    .min(Long::compare).orElse(null));
        }
        return published;
    }

    /**
     * Registers {@code outbox_pending_events} (rows the last relay pass left pending) and
     * {@code outbox_oldest_pending_age_seconds} (how long the oldest of them has waited, growing between passes; 0 when
     * nothing is pending): a relay that cannot publish shows as an age that keeps growing.
     */
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("outbox.pending.events", this, outbox -> outbox.backlog.pending())
                .description("Outbox rows the last relay pass left pending").register(registry);
        Gauge.builder("outbox.oldest.pending.age", this, Outbox::oldestPendingAgeSeconds).baseUnit("seconds")
                .description("How long the oldest pending outbox row has waited to be published").register(registry);
    }

    double oldestPendingAgeSeconds() {
        Long oldest = backlog.oldestCreatedAtMillis();
        return oldest == null ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
    }

    private record Backlog(int pending, Long oldestCreatedAtMillis) {
    }

    /** How many rows wait to be published. */
    public int pending() {
        return pendingInOrder().size();
    }

    /** The rows the relay gave up on, for an operator to look at and replay. */
    public List<OutboxItem> parked() {
        List<OutboxItem> parked = new ArrayList<>();
        table.scan().items().forEach(item -> {
            if (item.getPending() == null) {
                parked.add(item);
            }
        });
        return parked;
    }

    private List<OutboxItem> pendingInOrder() {
        List<OutboxItem> items = new ArrayList<>();
        pendingIndex.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(PENDING).build()))
                        .scanIndexForward(true)
                        .limit(PAGE)
                        .build())
                .forEach(page -> items.addAll(page.items()));
        return items;
    }

    /** Counts a refused attempt; true when that parked the row. */
    private boolean failed(OutboxItem item, RuntimeException error) {
        int attempts = (item.getAttempts() == null ? 0 : item.getAttempts()) + 1;
        item.setAttempts(attempts);
        String reason = String.valueOf(error.getMessage());
        item.setLastError(reason.length() > 1_000 ? reason.substring(0, 1_000) : reason);
        boolean parked = attempts >= maxAttempts;
        if (parked) {
            item.setPending(null);
            item.setParkedAtMillis(clock.millis());
            log.error("Outbox parked event {} for '{}' after {} attempts: {}", item.getId(), item.getTopic(), attempts, item.getLastError());
        } else {
            log.warn("Outbox could not publish event {} (attempt {} of {}): {}", item.getId(), attempts, maxAttempts, item.getLastError());
        }
        table.updateItem(item);
        return parked;
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Outbox relay could not publish yet, will retry: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        relay.shutdown();
        try {
            relay.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
