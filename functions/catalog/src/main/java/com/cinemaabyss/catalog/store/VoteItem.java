package com.cinemaabyss.catalog.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** A voter's current rating of a title (no milliPoints: removed, kept as a tombstone with its time). */
@DynamoDbBean
public class VoteItem {
    private Long titleId;
    private String voter;
    private Long milliPoints;
    private Long at;

    @DynamoDbPartitionKey
    public Long getTitleId() {
        return titleId;
    }

    public void setTitleId(Long titleId) {
        this.titleId = titleId;
    }

    @DynamoDbSortKey
    public String getVoter() {
        return voter;
    }

    public void setVoter(String voter) {
        this.voter = voter;
    }

    public Long getMilliPoints() {
        return milliPoints;
    }

    public void setMilliPoints(Long milliPoints) {
        this.milliPoints = milliPoints;
    }

    public Long getAt() {
        return at;
    }

    public void setAt(Long at) {
        this.at = at;
    }
}
