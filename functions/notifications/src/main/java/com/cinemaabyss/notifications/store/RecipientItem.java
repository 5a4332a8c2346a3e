package com.cinemaabyss.notifications.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * One per user: the address and name as identity last announced them (emailVersion: the changelog's version, so an
 * older change never overwrites a newer), the preferences the user set (null: not set, the defaults apply) and which
 * event's mail was the welcome (welcomedBy: the first verification request of the account, and only that one).
 */
@DynamoDbBean
public class RecipientItem {
    private Long userId;
    private String email;
    private String username;
    private Long emailVersion;
    private String language;
    private Boolean emailMarketing;
    private Boolean pushMarketing;
    private Boolean smsMarketing;
    private String welcomedBy;
    private String plan;
    private String phone;
    private String country;

    @DynamoDbPartitionKey
    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public Long getEmailVersion() {
        return emailVersion;
    }

    public void setEmailVersion(Long emailVersion) {
        this.emailVersion = emailVersion;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public Boolean getEmailMarketing() {
        return emailMarketing;
    }

    public void setEmailMarketing(Boolean emailMarketing) {
        this.emailMarketing = emailMarketing;
    }

    public Boolean getPushMarketing() {
        return pushMarketing;
    }

    public void setPushMarketing(Boolean pushMarketing) {
        this.pushMarketing = pushMarketing;
    }

    public Boolean getSmsMarketing() {
        return smsMarketing;
    }

    public void setSmsMarketing(Boolean smsMarketing) {
        this.smsMarketing = smsMarketing;
    }

    public String getWelcomedBy() {
        return welcomedBy;
    }

    public void setWelcomedBy(String welcomedBy) {
        this.welcomedBy = welcomedBy;
    }

    /** The plan of the user's subscription while it is trialing, active or past due (subscription-changes); null: none. */
    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan;
    }

    /** Where SMS go (E.164), as the user set it in the preferences; null or "": none. */
    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    /** Where the account was opened from (ISO 3166-1 alpha-2, identity's user.registered); null: unknown. */
    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }
}
