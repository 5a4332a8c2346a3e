package com.cinemaabyss.subscriptions.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * What has been applied once and must never be applied again, written with attribute_not_exists in the same transaction
 * as the change: {@code event:<CloudEvent id>}, {@code paid:<payment id>} (which also remembers the subscription the
 * payment paid for and how much time it bought, for a later refund), {@code failed:<payment id>},
 * {@code refund:<refund id>}.
 */
@DynamoDbBean
public class ProcessedItem {
    private String key;
    private Long subscriptionId;
    private Long boughtMillis;
    private Long processedAt;

    @DynamoDbPartitionKey
    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public Long getSubscriptionId() {
        return subscriptionId;
    }

    public void setSubscriptionId(Long subscriptionId) {
        this.subscriptionId = subscriptionId;
    }

    public Long getBoughtMillis() {
        return boughtMillis;
    }

    public void setBoughtMillis(Long boughtMillis) {
        this.boughtMillis = boughtMillis;
    }

    public Long getProcessedAt() {
        return processedAt;
    }

    public void setProcessedAt(Long processedAt) {
        this.processedAt = processedAt;
    }
}
