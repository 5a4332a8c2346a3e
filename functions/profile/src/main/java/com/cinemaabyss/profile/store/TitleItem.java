package com.cinemaabyss.profile.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/** The catalog's titles as far as profile needs them, from the title changelog: a title's kind and version; an episode's series, season, number and order (the index by series lists a series' episodes in order, across seasons), with the series version that wrote it. */
@DynamoDbBean
public class TitleItem {
    private Long id;
    private String kind;
    private Long version;
    private Long seriesId;
    private Long ord;
    private Integer season;
    private Integer number;
    private Long seriesVersion;

    @DynamoDbPartitionKey
    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = TitleStore.EPISODES_BY_SERIES)
    public Long getSeriesId() {
        return seriesId;
    }

    public void setSeriesId(Long seriesId) {
        this.seriesId = seriesId;
    }

    @DynamoDbSecondarySortKey(indexNames = TitleStore.EPISODES_BY_SERIES)
    public Long getOrd() {
        return ord;
    }

    public void setOrd(Long ord) {
        this.ord = ord;
    }

    public Integer getSeason() {
        return season;
    }

    public void setSeason(Integer season) {
        this.season = season;
    }

    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
    }

    public Long getSeriesVersion() {
        return seriesVersion;
    }

    public void setSeriesVersion(Long seriesVersion) {
        this.seriesVersion = seriesVersion;
    }
}
