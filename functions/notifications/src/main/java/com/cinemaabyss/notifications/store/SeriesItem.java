package com.cinemaabyss.notifications.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

import java.util.Set;

/** The episode ids of a series as the title changelog last showed them (version: the title's), to tell new episodes. */
@DynamoDbBean
public class SeriesItem {
    private Long titleId;
    private Long version;
    private Set<Long> episodeIds;

    @DynamoDbPartitionKey
    public Long getTitleId() {
        return titleId;
    }

    public void setTitleId(Long titleId) {
        this.titleId = titleId;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    /** Null when the series has no episodes yet (DynamoDB keeps no empty sets). */
    public Set<Long> getEpisodeIds() {
        return episodeIds;
    }

    public void setEpisodeIds(Set<Long> episodeIds) {
        this.episodeIds = episodeIds;
    }
}
