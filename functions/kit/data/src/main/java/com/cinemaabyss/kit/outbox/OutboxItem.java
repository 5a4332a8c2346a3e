package com.cinemaabyss.kit.outbox;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * One event waiting to be published, written in the same DynamoDB transaction as the change it announces. While it
 * waits it carries {@code pending}, which puts it in the {@value Outbox#PENDING_INDEX} index in the order it was
 * written; a row the relay gave up on loses {@code pending} and keeps its event, its attempts and the last error.
 */
@DynamoDbBean
public class OutboxItem {
    private String id;
    private String topic;
    private String key;
    private String event;
    private String pending;
    private Long createdAtMillis;
    private Integer attempts;
    private String lastError;
    private Long parkedAtMillis;

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    /** The CloudEvent in structured JSON form. */
    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = Outbox.PENDING_INDEX)
    public String getPending() {
        return pending;
    }

    public void setPending(String pending) {
        this.pending = pending;
    }

    @DynamoDbSecondarySortKey(indexNames = Outbox.PENDING_INDEX)
    public Long getCreatedAtMillis() {
        return createdAtMillis;
    }

    public void setCreatedAtMillis(Long createdAtMillis) {
        this.createdAtMillis = createdAtMillis;
    }

    public Integer getAttempts() {
        return attempts;
    }

    public void setAttempts(Integer attempts) {
        this.attempts = attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }

    public Long getParkedAtMillis() {
        return parkedAtMillis;
    }

    public void setParkedAtMillis(Long parkedAtMillis) {
        this.parkedAtMillis = parkedAtMillis;
    }
}
