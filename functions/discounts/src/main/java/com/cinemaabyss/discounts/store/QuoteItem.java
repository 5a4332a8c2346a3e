package com.cinemaabyss.discounts.store;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** A quote: the price worked out for one user, held until {@code expiresAtMillis}; {@code status} open until a checkout confirms it. */
@DynamoDbBean
public class QuoteItem {
    private Long id;
    private Long userId;
    private String planId;
    private String period;
    private Integer maxProfiles;
    private Integer trialDays;
    private String currency;
    private Long listPrice;
    private String promoCode;
    private Long promoDiscount;
    private Long pointsUsed;
    private Long pointsDiscount;
    private Long finalPrice;
    private Long expiresAtMillis;
    private String status;
    private Long checkoutId;
    private Long version;

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

    public Integer getTrialDays() {
        return trialDays;
    }

    public void setTrialDays(Integer trialDays) {
        this.trialDays = trialDays;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public Long getListPrice() {
        return listPrice;
    }

    public void setListPrice(Long listPrice) {
        this.listPrice = listPrice;
    }

    public String getPromoCode() {
        return promoCode;
    }

    public void setPromoCode(String promoCode) {
        this.promoCode = promoCode;
    }

    public Long getPromoDiscount() {
        return promoDiscount;
    }

    public void setPromoDiscount(Long promoDiscount) {
        this.promoDiscount = promoDiscount;
    }

    public Long getPointsUsed() {
        return pointsUsed;
    }

    public void setPointsUsed(Long pointsUsed) {
        this.pointsUsed = pointsUsed;
    }

    public Long getPointsDiscount() {
        return pointsDiscount;
    }

    public void setPointsDiscount(Long pointsDiscount) {
        this.pointsDiscount = pointsDiscount;
    }

    public Long getFinalPrice() {
        return finalPrice;
    }

    public void setFinalPrice(Long finalPrice) {
        this.finalPrice = finalPrice;
    }

    public Long getExpiresAtMillis() {
        return expiresAtMillis;
    }

    public void setExpiresAtMillis(Long expiresAtMillis) {
        this.expiresAtMillis = expiresAtMillis;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Long getCheckoutId() {
        return checkoutId;
    }

    public void setCheckoutId(Long checkoutId) {
        this.checkoutId = checkoutId;
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
