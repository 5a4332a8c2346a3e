package com.cinemaabyss.notifications.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * The ledger entry of one notification of one triggering event on one channel (id: SHA-256 of the CloudEvent's source
 * and id and the channel). status: sending (written before the send), sent (after it), failed (permanently).
 */
@DynamoDbBean
public class DeliveryItem {
    public static final String EXPIRES_AT = "expiresAt";

    private String id;
    private String status;
    private String kind;
    private Long userId;
    private Long startedAt;
    private Integer attempts;
    private Long finishedAt;
    private String failure;
    private Long expiresAt;
    private String campaignId;

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public Long getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(Long startedAt) {
        this.startedAt = startedAt;
    }

    public Integer getAttempts() {
        return attempts;
    }

    public void setAttempts(Integer attempts) {
        this.attempts = attempts;
    }

    public Long getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(Long finishedAt) {
        this.finishedAt = finishedAt;
    }

    public String getFailure() {
        return failure;
    }

    public void setFailure(String failure) {
        this.failure = failure;
    }

    /** When DynamoDB may delete the entry (epoch seconds, its TTL attribute): long after any redelivery. */
    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }

    /** The campaign a campaign recipient's entry belongs to (null for the event-triggered notifications). */
    public String getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(String campaignId) {
        this.campaignId = campaignId;
    }
}
