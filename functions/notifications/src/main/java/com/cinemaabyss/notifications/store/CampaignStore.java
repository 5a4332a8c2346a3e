package com.cinemaabyss.notifications.store;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Optional;

/** The campaigns: written once when posted, their queued count after the fan-out; the other counters grow per recipient. */
public class CampaignStore {

    private final DynamoDbTable<CampaignItem> table;

    public CampaignStore(DynamoDbTable<CampaignItem> table) {
        this.table = table;
    }

    public String tableName() {
        return table.tableName();
    }

    /** Stores a new campaign; the one stored already under the same id (a repeated request) when there is one. */
    public CampaignItem createOrGet(CampaignItem item) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(CampaignItem.class).item(item)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(id)").build()).build());
            return item;
        } catch (ConditionalCheckFailedException exists) {
            return find(item.getId()).orElseThrow();
        }
    }

    public Optional<CampaignItem> find(String id) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(id).build()));
    }

    public CampaignItem queued(String id, long queued) {
        CampaignItem item = new CampaignItem();
        item.setId(id);
        item.setQueued(queued);
        item.setStatus("queued");
        return table.updateItem(UpdateItemEnhancedRequest.builder(CampaignItem.class).item(item).ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
                .build());
    }
}
