package com.cinemaabyss.monolith.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;

/**
 * What payments and subscriptions share: an integer id, the user they belong to (indexed for per-user lists), and
 * {@code origin}: absent for the monolith's own, the extracted function's name for a copy of one of its records.
 */
public abstract class UserOwnedItem {
    private Long id;
    private Long userId;
    private String origin;

    @DynamoDbPartitionKey
    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = MonolithTables.BY_USER)
    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getOrigin() {
        return origin;
    }

    public void setOrigin(String origin) {
        this.origin = origin;
    }
}
