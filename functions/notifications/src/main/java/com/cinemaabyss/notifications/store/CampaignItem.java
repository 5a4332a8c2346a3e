package com.cinemaabyss.notifications.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

import java.util.List;

/**
 * One campaign: what it sends to whom, and its progress. The counters are added to atomically (DynamoDB ADD), each in
 * the same transaction as the ledger entry of the recipient it counts, so a redelivered recipient is never counted twice.
 */
@DynamoDbBean
public class CampaignItem {
    public static final String QUEUED = "queued";
    public static final String SENT = "sent";
    public static final String SKIPPED = "skippedByPreference";
    public static final String FAILED = "failed";

    private String id;
    private String template;
    private String channel;
    private List<String> plans;
    private List<String> languages;
    private List<String> countries;
    private String status;
    private Long createdBy;
    private Long createdAt;
    private Long queued;
    private Long sent;
    private Long skippedByPreference;
    private Long failed;

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public List<String> getPlans() {
        return plans;
    }

    public void setPlans(List<String> plans) {
        this.plans = plans;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        this.languages = languages;
    }

    /** fanning-out while the recipients are being queued, queued once all are. */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(Long createdBy) {
        this.createdBy = createdBy;
    }

    public Long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Long createdAt) {
        this.createdAt = createdAt;
    }

    public Long getQueued() {
        return queued;
    }

    public void setQueued(Long queued) {
        this.queued = queued;
    }

    public Long getSent() {
        return sent;
    }

    public void setSent(Long sent) {
        this.sent = sent;
    }

    public Long getSkippedByPreference() {
        return skippedByPreference;
    }

    public void setSkippedByPreference(Long skippedByPreference) {
        this.skippedByPreference = skippedByPreference;
    }

    public Long getFailed() {
        return failed;
    }

    public void setFailed(Long failed) {
        this.failed = failed;
    }

    /** The segment's countries (where accounts were opened from); null or empty: any. */
    public List<String> getCountries() {
        return countries;
    }

    public void setCountries(List<String> countries) {
        this.countries = countries;
    }
}
