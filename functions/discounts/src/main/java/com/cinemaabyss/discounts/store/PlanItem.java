package com.cinemaabyss.discounts.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** A plan: its prices per currency in minor units. */
@DynamoDbBean
public class PlanItem {
    private String id;
    private String name;
    private String period;
    private java.util.Map<String, Long> prices;
    private Integer trialDays;
    private Integer maxProfiles;

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public java.util.Map<String, Long> getPrices() {
        return prices;
    }

    public void setPrices(java.util.Map<String, Long> prices) {
        this.prices = prices;
    }

    public Integer getTrialDays() {
        return trialDays;
    }

    public void setTrialDays(Integer trialDays) {
        this.trialDays = trialDays;
    }

    public Integer getMaxProfiles() {
        return maxProfiles;
    }

    public void setMaxProfiles(Integer maxProfiles) {
        this.maxProfiles = maxProfiles;
    }
}
