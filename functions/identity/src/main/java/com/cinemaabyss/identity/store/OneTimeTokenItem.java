package com.cinemaabyss.identity.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** An email verification or password reset token (table {@code one-time-tokens}, key its SHA-256): usable once ({@code usedAtMillis}), until it expires. */
@DynamoDbBean
public class OneTimeTokenItem {
    private String hash;
    private String purpose;
    private Long userId;
    private Long usedAtMillis;
    private Long expiresAt;

    @DynamoDbPartitionKey
    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public Long getUsedAtMillis() {
        return usedAtMillis;
    }

    public void setUsedAtMillis(Long usedAtMillis) {
        this.usedAtMillis = usedAtMillis;
    }

    @DynamoDbAttribute("expires_at")
    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
