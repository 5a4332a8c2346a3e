package com.cinemaabyss.identity.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** One per account (table {@code emails}, key the normalised email): what makes an email belong to one account only, and how a login or an SSO link finds the account. */
@DynamoDbBean
public class EmailItem {
    private String email;
    private Long userId;

    @DynamoDbPartitionKey
    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }
}
