package com.cinemaabyss.discounts.store;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** A processed CloudEvent id, or business key (a payment's outcome, a refund). The receipt of a paid payment also keeps the points it earned and how many were clawed back. */
@DynamoDbBean
public class ReceiptItem {
    private String id;
    private String at;
    private Long userId;
    private Long points;
    private Long clawed;
    private Long version;

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getAt() {
        return at;
    }

    public void setAt(String at) {
        this.at = at;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public Long getPoints() {
        return points;
    }

    public void setPoints(Long points) {
        this.points = points;
    }

    public Long getClawed() {
        return clawed;
    }

    public void setClawed(Long clawed) {
        this.clawed = clawed;
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
