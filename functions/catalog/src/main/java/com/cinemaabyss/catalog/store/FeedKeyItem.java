package com.cinemaabyss.catalog.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * DynamoDB item of the feed keys table, written only with {@code attribute_not_exists}: {@code item:<provider>/<external_id>}
 * names the title a provider's item became (so two concurrent first deliveries cannot make two titles), and
 * {@code event:<source> <id>} marks a provider CloudEvent as applied (so a redelivery changes nothing).
 */
@DynamoDbBean
public class FeedKeyItem {
    private String id;
    private Long titleId;
    private Long expiresAt;

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getTitleId() {
        return titleId;
    }

    public void setTitleId(Long titleId) {
        this.titleId = titleId;
    }

    /** DynamoDB TTL (epoch seconds) of an event mark; item links never expire. */
    @DynamoDbAttribute("expires_at")
    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
