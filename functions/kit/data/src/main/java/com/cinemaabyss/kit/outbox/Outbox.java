package com.cinemaabyss.kit.outbox;

import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.events.CloudEventPublisher;
import com.cinemaabyss.kit.events.EventJson;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Transactional outbox: a change and the event announcing it are written in one DynamoDB transaction, and a
 * relay publishes pending events to Kafka and removes them once acknowledged. Kafka being down delays
 * events; it never loses one, and never fails the write that caused it. Delivery is at least once, so
 * readers must be idempotent.
 */
public class Outbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<OutboxItem> table;
    private final CloudEventPublisher publisher;
    private final ScheduledExecutorService relay = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("outbox-relay").daemon().factory());

    public Outbox(DynamoDbEnhancedClient client, TableSetup tables, String tableName,
                  CloudEventPublisher publisher, Duration sweepInterval) {
        this.client = client;
        this.table = tables.ensure(client.table(tableName, TableSchema.fromBean(OutboxItem.class)));
        this.publisher = publisher;
        relay.scheduleWithFixedDelay(this::drainQuietly, sweepInterval.toMillis(), sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Inserts {@code item} (only if no item has its id yet) and queues {@code event} in one transaction, then
     * asks the relay to publish at once rather than at the next sweep.
     */
    public <T> void insertAndAnnounce(DynamoDbTable<T> target, T item, String topic, String key, CloudEvent event) {
        OutboxItem pending = new OutboxItem();
        pending.setId(event.getId());
        pending.setTopic(topic);
        pending.setKey(key);
        pending.setEvent(EventJson.toStructured(event));
        pending.setCreatedAt(Instant.now().toString());
        @SuppressWarnings("unchecked")
        Class<T> itemType = (Class<T>) target.tableSchema().itemType().rawClass();
        client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(target, TransactPutItemEnhancedRequest.builder(itemType)
                        .item(item).conditionExpression(KeyedTable.notExists()).build())
                .addPutItem(table, pending)
                .build());
        relay.execute(this::drainQuietly);
    }

    /** Publishes everything pending, oldest first; returns how many were published. */
    public int drain() {
        List<OutboxItem> pending = new ArrayList<>();
        table.scan(ScanEnhancedRequest.builder().consistentRead(true).build()).items().forEach(pending::add);
        pending.sort(Comparator.comparing(OutboxItem::getCreatedAt));
        int published = 0;
        for (OutboxItem item : pending) {
            publisher.publish(item.getTopic(), item.getKey(), EventJson.fromStructured(item.getEvent()));
            table.deleteItem(item);
            published++;
        }
        return published;
    }

    public int pending() {
        return (int) table.scan(ScanEnhancedRequest.builder().consistentRead(true).build()).items().stream().count();
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
