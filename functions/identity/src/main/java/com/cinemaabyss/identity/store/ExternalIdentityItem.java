package com.cinemaabyss.identity.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * An account's identity at an OpenID provider (table {@code external-identities}, key the SHA-256 of issuer and
 * subject, so nothing a provider sends becomes a key as sent): which account it logs in to. Issuer and subject are
 * kept as they are for operators. Written only if absent: an external identity belongs to one account.
 */
@DynamoDbBean
public class ExternalIdentityItem {
    private String id;
    private String issuer;
    private String subject;
    private String provider;
    private Long userId;
    private Long linkedAtMillis;

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public Long getLinkedAtMillis() {
        return linkedAtMillis;
    }

    public void setLinkedAtMillis(Long linkedAtMillis) {
        this.linkedAtMillis = linkedAtMillis;
    }
}
