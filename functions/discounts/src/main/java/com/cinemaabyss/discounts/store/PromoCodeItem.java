package com.cinemaabyss.discounts.store;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** A promo code and its use count; {@code version} makes every change of the count a conditional write. */
@DynamoDbBean
public class PromoCodeItem {
    private String code;
    private String kind;
    private Integer percent;
    private java.util.Map<String, Long> amounts;
    private String validFrom;
    private String validUntil;
    private java.util.List<String> planIds;
    private Long maxUses;
    private Integer perUserLimit;
    private Long uses;
    private String createdAt;
    private Long version;

    @DynamoDbPartitionKey
    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public Integer getPercent() {
        return percent;
    }

    public void setPercent(Integer percent) {
        this.percent = percent;
    }

    public java.util.Map<String, Long> getAmounts() {
        return amounts;
    }

    public void setAmounts(java.util.Map<String, Long> amounts) {
        this.amounts = amounts;
    }

    public String getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(String validFrom) {
        this.validFrom = validFrom;
    }

    public String getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(String validUntil) {
        this.validUntil = validUntil;
    }

    public java.util.List<String> getPlanIds() {
        return planIds;
    }

    public void setPlanIds(java.util.List<String> planIds) {
        this.planIds = planIds;
    }

    public Long getMaxUses() {
        return maxUses;
    }

    public void setMaxUses(Long maxUses) {
        this.maxUses = maxUses;
    }

    public Integer getPerUserLimit() {
        return perUserLimit;
    }

    public void setPerUserLimit(Integer perUserLimit) {
        this.perUserLimit = perUserLimit;
    }

    public Long getUses() {
        return uses;
    }

    public void setUses(Long uses) {
        this.uses = uses;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
