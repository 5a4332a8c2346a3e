package com.cinemaabyss.events.deadletters;

import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.kit.dynamo.TableSetup;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;

/** Replayed and purged states of dead letters, by their id, in DynamoDB. */
public class DeadLetterStates {

    private final DynamoDbTable<DeadLetterStateItem> table;

    public DeadLetterStates(DynamoDbEnhancedClient client, TableSetup tables, String tableName) {
        this.table = tables.ensure(client.table(tableName, TableSchema.fromBean(DeadLetterStateItem.class)));
    }

    public DeadLetterState of(String id) {
        DeadLetterStateItem item = get(id);
        if (item == null) {
            return DeadLetterState.parked();
        }
        return new DeadLetterState(item.getStatus(), item.getReplays() == null ? 0 : item.getReplays(), item.getLastReplayAt(),
                item.getLastReplayCode(), item.getPurgedAt());
    }

    /** Records one replay attempt; a success marks the letter replayed, a failure leaves its status as it was. */
    public DeadLetterState replayed(String id, int code, boolean delivered, Instant at) {
        DeadLetterStateItem item = orNew(id);
        item.setReplays((item.getReplays() == null ? 0 : item.getReplays()) + 1);
        item.setLastReplayAt(at.toString());
        item.setLastReplayCode(code);
        if (delivered) {
            item.setStatus(DeadLetterState.REPLAYED);
        }
        put(item);
        return of(id);
    }

    public DeadLetterState purged(String id, Instant at) {
        DeadLetterStateItem item = orNew(id);
        item.setStatus(DeadLetterState.PURGED);
        item.setPurgedAt(at.toString());
        put(item);
        return of(id);
    }

    private DeadLetterStateItem orNew(String id) {
        DeadLetterStateItem item = get(id);
        if (item == null) {
            item = new DeadLetterStateItem();
            item.setId(id);
            item.setStatus(DeadLetterState.PARKED);
            item.setReplays(0);
        }
        return item;
    }

    private DeadLetterStateItem get(String id) {
        try {
            return table.getItem(r -> r.key(Key.builder().partitionValue(id).build()).consistentRead(true));
        } catch (SdkException e) {
            throw new UnavailableException("dead-letter states unavailable", e);
        }
    }

    private void put(DeadLetterStateItem item) {
        try {
            table.putItem(item);
        } catch (SdkException e) {
            throw new UnavailableException("dead-letter states unavailable", e);
        }
    }
}
