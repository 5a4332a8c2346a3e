package com.cinemaabyss.subscriptions.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * A subscription in DynamoDB; times are epoch milliseconds. {@code dueShard} and {@code dueAt} put it in the sparse
 * {@value SubscriptionStore#DUE_INDEX} index while the renewal tick has something to do with it; an ended one drops
 * them and leaves the index.
 */
@DynamoDbBean
public class SubscriptionItem {
    private Long id;
    private Long userId;
    private String planId;
    private String period;
    private Integer maxProfiles;
    private Long amount;
    private String currency;
    private String status;
    private Long periodStart;
    private Long periodEnd;
    private Boolean cancelAtPeriodEnd;
    private Long upcomingSentFor;
    private Integer renewalAttempt;
    private Long renewalRequestedAt;
    private Long dunningSince;
    private Long nextRetryAt;
    private Long version;
    private Integer dueShard;
    private Long dueAt;

    @DynamoDbPartitionKey
    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getPlanId() {
        return planId;
    }

    public void setPlanId(String planId) {
        this.planId = planId;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public Integer getMaxProfiles() {
        return maxProfiles;
    }

    public void setMaxProfiles(Integer maxProfiles) {
        this.maxProfiles = maxProfiles;
    }

    public Long getAmount() {
        return amount;
    }

    public void setAmount(Long amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Long getPeriodStart() {
        return periodStart;
    }

    public void setPeriodStart(Long periodStart) {
        this.periodStart = periodStart;
    }

    public Long getPeriodEnd() {
        return periodEnd;
    }

    public void setPeriodEnd(Long periodEnd) {
        this.periodEnd = periodEnd;
    }

    public Boolean getCancelAtPeriodEnd() {
        return cancelAtPeriodEnd;
    }

    public void setCancelAtPeriodEnd(Boolean cancelAtPeriodEnd) {
        this.cancelAtPeriodEnd = cancelAtPeriodEnd;
    }

    public Long getUpcomingSentFor() {
        return upcomingSentFor;
    }

    public void setUpcomingSentFor(Long upcomingSentFor) {
        this.upcomingSentFor = upcomingSentFor;
    }

    public Integer getRenewalAttempt() {
        return renewalAttempt;
    }

    public void setRenewalAttempt(Integer renewalAttempt) {
        this.renewalAttempt = renewalAttempt;
    }

    public Long getRenewalRequestedAt() {
        return renewalRequestedAt;
    }

    public void setRenewalRequestedAt(Long renewalRequestedAt) {
        this.renewalRequestedAt = renewalRequestedAt;
    }

    public Long getDunningSince() {
        return dunningSince;
    }

    public void setDunningSince(Long dunningSince) {
        this.dunningSince = dunningSince;
    }

    public Long getNextRetryAt() {
        return nextRetryAt;
    }

    public void setNextRetryAt(Long nextRetryAt) {
        this.nextRetryAt = nextRetryAt;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = SubscriptionStore.DUE_INDEX)
    public Integer getDueShard() {
        return dueShard;
    }

    public void setDueShard(Integer dueShard) {
        this.dueShard = dueShard;
    }

    @DynamoDbSecondarySortKey(indexNames = SubscriptionStore.DUE_INDEX)
    public Long getDueAt() {
        return dueAt;
    }

    public void setDueAt(Long dueAt) {
        this.dueAt = dueAt;
    }
}
