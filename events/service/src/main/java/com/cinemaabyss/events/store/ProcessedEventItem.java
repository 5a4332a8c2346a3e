package com.cinemaabyss.events.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** One consumed CloudEvent in the ledger: first processing time, and how often it was delivered again. */
@DynamoDbBean
public class ProcessedEventItem {
    private String id;
    private String type;
    private String subject;
    private String consumer;
    private String firstProcessedAt;
    private Long duplicates;

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getConsumer() {
        return consumer;
    }

    public void setConsumer(String consumer) {
        this.consumer = consumer;
    }

    public String getFirstProcessedAt() {
        return firstProcessedAt;
    }

    public void setFirstProcessedAt(String firstProcessedAt) {
        this.firstProcessedAt = firstProcessedAt;
    }

    public Long getDuplicates() {
        return duplicates;
    }

    public void setDuplicates(Long duplicates) {
        this.duplicates = duplicates;
    }
}
