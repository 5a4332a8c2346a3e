package com.cinemaabyss.notifications.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One profile's favourite title, as profile-events last told it (keyed by title, so a new episode finds its fans with
 * one query). at: the event's time, so an older add or removal never undoes a newer one; removed: a removal kept as a
 * tombstone for that comparison.
 */
@DynamoDbBean
public class FavoriteItem {
    private Long titleId;
    private Long profileId;
    private Long userId;
    private Long at;
    private Boolean removed;

    @DynamoDbPartitionKey
    public Long getTitleId() {
        return titleId;
    }

    public void setTitleId(Long titleId) {
        this.titleId = titleId;
    }

    @DynamoDbSortKey
    public Long getProfileId() {
        return profileId;
    }

    public void setProfileId(Long profileId) {
        this.profileId = profileId;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public Long getAt() {
        return at;
    }

    public void setAt(Long at) {
        this.at = at;
    }

    public Boolean getRemoved() {
        return removed;
    }

    public void setRemoved(Boolean removed) {
        this.removed = removed;
    }
}
