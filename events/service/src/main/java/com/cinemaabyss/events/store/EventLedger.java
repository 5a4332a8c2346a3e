package com.cinemaabyss.events.store;

import com.cinemaabyss.events.domain.ProcessedEvent;
import com.cinemaabyss.events.domain.Stat;
import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.kit.dynamo.TableSetup;
import io.cloudevents.CloudEvent;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Exactly-once processing on top of at-least-once delivery: the ledger entry of an event and the
 * statistics it changes are written in one DynamoDB transaction that only succeeds if the event id is not
 * in the ledger yet. A redelivery fails that condition, changes nothing, and is only counted as a duplicate.
 */
public class EventLedger {

    private static final int MAX_BATCH_KEYS = 100;
    private static final int MAX_BATCH_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final DynamoDbTable<ProcessedEventItem> ledger;
    private final String statsTable;

    public EventLedger(DynamoDbClient dynamo, DynamoDbEnhancedClient client, TableSetup tables, String ledgerTable, String statsTable) {
        this.dynamo = dynamo;
        this.ledger = tables.ensure(client.table(ledgerTable, TableSchema.fromBean(ProcessedEventItem.class)));
        this.statsTable = statsTable;
        tables.ensureKeyedByName(statsTable);
    }

    /** Records the event and its statistics once; returns false, changing nothing but the duplicate count, for a redelivery. */
    public boolean processOnce(String consumer, CloudEvent event, List<StatIncrement> stats) {
        ProcessedEventItem item = new ProcessedEventItem();
        item.setId(event.getId());
        item.setType(event.getType());
        item.setSubject(event.getSubject());
        item.setConsumer(consumer);
        item.setFirstProcessedAt(Instant.now().toString());
        item.setDuplicates(0L);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(ledger.tableName())
                .item(ledger.tableSchema().itemToMap(item, true))
                .conditionExpression("attribute_not_exists(id)")
                .build()).build());
        stats.forEach(stat -> writes.add(TransactWriteItem.builder().update(increment(stat)).build()));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (!firstConditionFailed(e)) {
                throw e;
            }
            dynamo.updateItem(b -> b.tableName(ledger.tableName())
                    .key(Map.of("id", AttributeValue.fromS(event.getId())))
                    .updateExpression("ADD duplicates :one")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
            return false;
        }
    }

    public Optional<ProcessedEvent> find(String id) {
        ProcessedEventItem item = ledger.getItem(Key.builder().partitionValue(id).build());
        return Optional.ofNullable(item).map(i -> new ProcessedEvent(i.getId(), i.getType(), i.getSubject(), i.getConsumer(),
                1 + i.getDuplicates(), i.getDuplicates(), i.getFirstProcessedAt()));
    }

    /**
     * The statistics of {@code names} that exist, by name, read by key in batches; the table itself is never
     * scanned, since rows per movie and per user make it grow with the ids.
     */
    public Map<String, Stat> stats(Collection<String> names) {
        Map<String, Stat> stats = new TreeMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(names));
        for (int from = 0; from < all.size(); from += MAX_BATCH_KEYS) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(from + MAX_BATCH_KEYS, all.size())).stream()
                    .map(EventLedger::statKey).toList();
            Map<String, KeysAndAttributes> request = Map.of(statsTable, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int attempt = 1; !request.isEmpty(); attempt++) {
                if (attempt > MAX_BATCH_ATTEMPTS) {
                    throw new UnavailableException("stats table unavailable: keys left unprocessed after " + MAX_BATCH_ATTEMPTS + " attempts", null);
                }
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(pending));
                response.responses().getOrDefault(statsTable, List.of()).forEach(row -> stats.put(row.get("name").s(), stat(row)));
                request = response.unprocessedKeys();
                if (!request.isEmpty()) {
                    pause(attempt);
                }
            }
        }
        return stats;
    }

    /** One statistic by name, if anything was counted under it. */
    public Optional<Stat> stat(String name) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(statsTable).key(statKey(name)).consistentRead(true)).item();
        return row == null || row.isEmpty() ? Optional.empty() : Optional.of(stat(row));
    }

    private static Stat stat(Map<String, AttributeValue> row) {
        return new Stat(Long.parseLong(row.get("count").n()), row.containsKey("sum") ? Double.parseDouble(row.get("sum").n()) : null);
    }

    private static Map<String, AttributeValue> statKey(String name) {
        return Map.of("name", AttributeValue.fromS(name));
    }

    /** Unprocessed keys mean throttling; DynamoDB asks for a backoff before the retry. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(50L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while reading the stats table", e);
        }
    }

    private Update increment(StatIncrement stat) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":count", AttributeValue.fromN(Long.toString(stat.count())));
        String expression = "ADD #count :count";
        if (stat.sum() != null) {
            values.put(":sum", AttributeValue.fromN(Double.toString(stat.sum())));
            expression += ", #sum :sum";
        }
        Map<String, String> names = new HashMap<>(Map.of("#count", "count"));
        if (stat.sum() != null) {
            names.put("#sum", "sum");
        }
        return Update.builder()
                .tableName(statsTable)
                .key(statKey(stat.name()))
                .updateExpression(expression)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    private static boolean firstConditionFailed(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.getFirst().code());
    }
}
