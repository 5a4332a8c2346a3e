package com.cinemaabyss.identity.store;

import com.cinemaabyss.identity.security.FailureCounters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Failure counters in DynamoDB (table {@code login-failures}, key {@code key}): {@code failures}, {@code resets_at}
 * (epoch ms, the end of the window) and {@code expires_at} (epoch s, DynamoDB's TTL removes the row later). A running
 * window is counted up with an atomic ADD; an ended one is replaced by a conditional put, so two replicas cannot
 * both start a window and lose a failure. The low-level client, because ADD is what makes the count atomic.
 */
public class DynamoFailureCounters implements FailureCounters {

    private final DynamoDbClient client;
    private final String table;

    public DynamoFailureCounters(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Count read(String key, Instant now) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Count.NONE;
        }
        Count count = count(item);
        return count.resetsAt().isAfter(now) ? count : Count.NONE;
    }

    @Override
    public Count increment(String key, Instant now, Duration window) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return count(client.updateItem(b -> b.tableName(table).key(key(key))
                        .updateExpression("ADD failures :one")
                        .conditionExpression("resets_at > :now")
                        .expressionAttributeValues(Map.of(":one", n(1), ":now", n(now.toEpochMilli())))
                        .returnValues(ReturnValue.ALL_NEW)).attributes());
            } catch (ConditionalCheckFailedException noWindowRunning) {
                Instant resetsAt = now.plus(window);
                try {
                    client.putItem(b -> b.tableName(table)
                            .item(Map.of("key", AttributeValue.fromS(key), "failures", n(1), "resets_at", n(resetsAt.toEpochMilli()),
                                    "expires_at", n(resetsAt.getEpochSecond() + 3_600)))
                            .conditionExpression("attribute_not_exists(resets_at) OR resets_at <= :now")
                            .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()))));
                    return new Count(1, resetsAt);
                } catch (ConditionalCheckFailedException anotherReplicaStartedOne) {
                    // count up the window it started
                }
            }
        }
        throw new IllegalStateException("failure counter " + key + " is contended beyond reason");
    }

    @Override
    public void reset(String key) {
        client.deleteItem(b -> b.tableName(table).key(key(key)));
    }

    private static Count count(Map<String, AttributeValue> item) {
        return new Count(Long.parseLong(item.get("failures").n()), Instant.ofEpochMilli(Long.parseLong(item.get("resets_at").n())));
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of("key", AttributeValue.fromS(key));
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
