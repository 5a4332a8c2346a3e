package com.cinemaabyss.monolith.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** DynamoDB item of the subscriptions table. */
@DynamoDbBean
public class SubscriptionItem extends UserOwnedItem {
    private String planType;
    private String startDate;
    private String endDate;

    public String getPlanType() {
        return planType;
    }

    public void setPlanType(String planType) {
        this.planType = planType;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }
}
