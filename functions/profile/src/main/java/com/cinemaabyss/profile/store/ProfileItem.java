package com.cinemaabyss.profile.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** A viewer profile, under its account (partition) by profile id (sort): an account's profiles are one query, oldest first. */
@DynamoDbBean
public class ProfileItem {
    private Long accountId;
    private Long profileId;
    private String name;
    private String language;
    private Integer maxAgeRating;
    private Boolean kids;
    private Long createdAt;

    @DynamoDbPartitionKey
    public Long getAccountId() {
        return accountId;
    }

    public void setAccountId(Long accountId) {
        this.accountId = accountId;
    }

    @DynamoDbSortKey
    public Long getProfileId() {
        return profileId;
    }

    public void setProfileId(Long profileId) {
        this.profileId = profileId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public Integer getMaxAgeRating() {
        return maxAgeRating;
    }

    public void setMaxAgeRating(Integer maxAgeRating) {
        this.maxAgeRating = maxAgeRating;
    }

    public Boolean getKids() {
        return kids;
    }

    public void setKids(Boolean kids) {
        this.kids = kids;
    }

    public Long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Long createdAt) {
        this.createdAt = createdAt;
    }
}
