package com.cinemaabyss.profile.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** What a profile keeps, under the profile (partition) by entry (sort): {@code fav#<title>}, {@code rating#<title>}, {@code watch#<title or episode>} (history: the latest progress in each) and {@code latest#<title>} (the latest progress in a movie or a series, for continue watching). {@code listKey} ({@code <profile>#fav|rating|history|continue}) and {@code at} place it in the newest-first index; a finished movie leaves continue watching by dropping its listKey. */
@DynamoDbBean
public class LibraryItem {
    private Long profileId;
    private String entry;
    private String listKey;
    private Long at;
    private Long titleId;
    private Long episodeId;
    private Integer season;
    private Integer number;
    private Integer rating;
    private Integer positionS;
    private Integer durationS;
    private Boolean finished;

    @DynamoDbPartitionKey
    public Long getProfileId() {
        return profileId;
    }

    public void setProfileId(Long profileId) {
        this.profileId = profileId;
    }

    @DynamoDbSortKey
    public String getEntry() {
        return entry;
    }

    public void setEntry(String entry) {
        this.entry = entry;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = LibraryStore.BY_LIST)
    public String getListKey() {
        return listKey;
    }

    public void setListKey(String listKey) {
        this.listKey = listKey;
    }

    @DynamoDbSecondarySortKey(indexNames = LibraryStore.BY_LIST)
    public Long getAt() {
        return at;
    }

    public void setAt(Long at) {
        this.at = at;
    }

    public Long getTitleId() {
        return titleId;
    }

    public void setTitleId(Long titleId) {
        this.titleId = titleId;
    }

    public Long getEpisodeId() {
        return episodeId;
    }

    public void setEpisodeId(Long episodeId) {
        this.episodeId = episodeId;
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

    public Integer getRating() {
        return rating;
    }

    public void setRating(Integer rating) {
        this.rating = rating;
    }

    public Integer getPositionS() {
        return positionS;
    }

    public void setPositionS(Integer positionS) {
        this.positionS = positionS;
    }

    public Integer getDurationS() {
        return durationS;
    }

    public void setDurationS(Integer durationS) {
        this.durationS = durationS;
    }

    public Boolean getFinished() {
        return finished;
    }

    public void setFinished(Boolean finished) {
        this.finished = finished;
    }
}
