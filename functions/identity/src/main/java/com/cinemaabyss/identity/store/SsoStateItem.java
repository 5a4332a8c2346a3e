package com.cinemaabyss.identity.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * A started SSO login (table {@code sso-states}, key the SHA-256 of its {@code state}): the provider it went to, the
 * PKCE code verifier and the nonce the callback needs; gone when used, ignored after {@code expires_at} (epoch
 * seconds, also DynamoDB's TTL, which removes it later).
 */
@DynamoDbBean
public class SsoStateItem {
    private String stateHash;
    private String provider;
    private String codeVerifier;
    private String nonce;
    private Long createdAtMillis;
    private Long expiresAt;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("state")
    public String getStateHash() {
        return stateHash;
    }

    public void setStateHash(String stateHash) {
        this.stateHash = stateHash;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getCodeVerifier() {
        return codeVerifier;
    }

    public void setCodeVerifier(String codeVerifier) {
        this.codeVerifier = codeVerifier;
    }

    public String getNonce() {
        return nonce;
    }

    public void setNonce(String nonce) {
        this.nonce = nonce;
    }

    public Long getCreatedAtMillis() {
        return createdAtMillis;
    }

    public void setCreatedAtMillis(Long createdAtMillis) {
        this.createdAtMillis = createdAtMillis;
    }

    @DynamoDbAttribute("expires_at")
    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
