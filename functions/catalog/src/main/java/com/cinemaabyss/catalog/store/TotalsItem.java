package com.cinemaabyss.catalog.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** A title's rating totals: the sum of its current votes in thousandths, how many, and the version every write checks. */
@DynamoDbBean
public class TotalsItem {
    private Long titleId;
    private Long milliSum;
    private Long votes;
    private Long version;

    @DynamoDbPartitionKey
    public Long getTitleId() {
        return titleId;
    }

    public void setTitleId(Long titleId) {
        this.titleId = titleId;
    }

    public Long getMilliSum() {
        return milliSum;
    }

    public void setMilliSum(Long milliSum) {
        this.milliSum = milliSum;
    }

    public Long getVotes() {
        return votes;
    }

    public void setVotes(Long votes) {
        this.votes = votes;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
