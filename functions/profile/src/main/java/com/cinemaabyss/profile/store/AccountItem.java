package com.cinemaabyss.profile.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** One per account: how many profiles it has, the number every create and delete checks and moves in the same transaction as the profile (so the plan's limit holds under concurrent creates without locks). */
@DynamoDbBean
public class AccountItem {
    private Long accountId;
    private Integer profileCount;
    private Long createdAt;

    @DynamoDbPartitionKey
    public Long getAccountId() {
        return accountId;
    }

    public void setAccountId(Long accountId) {
        this.accountId = accountId;
    }

    public Integer getProfileCount() {
        return profileCount;
    }

    public void setProfileCount(Integer profileCount) {
        this.profileCount = profileCount;
    }

    public Long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Long createdAt) {
        this.createdAt = createdAt;
    }
}
