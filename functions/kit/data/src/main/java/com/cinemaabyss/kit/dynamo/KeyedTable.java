package com.cinemaabyss.kit.dynamo;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * A table whose items have a numeric partition key {@code id}: the reads and the insert-once write that
 * every store here needs, over the enhanced client.
 */
public class KeyedTable<I> {

    /** Items per scan call: each call stays well inside the SDK's call timeout, and a page is what a list holds in memory. */
    static final int SCAN_PAGE = 500;

    private final DynamoDbTable<I> table;
    private final ToLongFunction<I> id;

    public KeyedTable(DynamoDbTable<I> table, ToLongFunction<I> id) {
        this.table = table;
        this.id = id;
    }

    public DynamoDbTable<I> table() {
        return table;
    }

    public Optional<I> get(long key) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(key).build()));
    }

    /**
     * Every item, in storage order, read a page at a time as the stream is consumed, so that answering with all of
     * them takes the memory of a page, not of the table. A full scan: for the legacy unpaged lists only.
     */
    public Stream<I> all() {
        return table.scan(ScanEnhancedRequest.builder().limit(SCAN_PAGE).build()).items().stream();
    }

    /** Items whose index partition key equals {@code key}, through the index rather than a scan. */
    public List<I> byIndex(String indexName, long key) {
        List<I> items = new ArrayList<>();
        table.index(indexName)
                .query(QueryConditional.keyEqualTo(Key.builder().partitionValue(key).build()))
                .forEach(page -> items.addAll(page.items()));
        items.sort(Comparator.comparingLong(id));
        return items;
    }

    /**
     * Writes the item only if no item has its id yet; the condition makes replays harmless. When the item already
     * there is this very item, the insert succeeds: the SDK retries a put whose answer it lost, and if the first attempt
     * had landed, the retry meets the condition with our own item (a replay of the same item changes nothing either).
     */
    public void insert(I item) {
        try {
            table.putItem(PutItemEnhancedRequest.builder((Class<I>) table.tableSchema().itemType().rawClass())
                    .item(item)
                    .conditionExpression(notExists())
                    .build());
        } catch (ConditionalCheckFailedException taken) {
            I stored = table.getItem(r -> r.key(table.keyFrom(item)).consistentRead(true));
            if (stored == null || !table.tableSchema().itemToMap(stored, true).equals(table.tableSchema().itemToMap(item, true))) {
                throw taken;
            }
        }
    }

    public static Expression notExists() {
        return Expression.builder().expression("attribute_not_exists(id)").build();
    }
}
