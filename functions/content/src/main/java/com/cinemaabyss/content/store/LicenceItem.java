package com.cinemaabyss.content.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** One licence of a title or episode: partition the title id, sort {@code <source>#<region>} (one manual and one provider licence per region at most), the window in epoch millis, and who set a manual one. */
@DynamoDbBean
public class LicenceItem {
    private Long titleId;
    private String key;
    private String region;
    private String source;
    private Long fromMillis;
    private Long toMillis;
    private Long setBy;
    private Long setAtMillis;

    @DynamoDbPartitionKey
    public Long getTitleId() {
        return titleId;
    }

    public void setTitleId(Long titleId) {
        this.titleId = titleId;
    }

    @DynamoDbSortKey
    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Long getFromMillis() {
        return fromMillis;
    }

    public void setFromMillis(Long fromMillis) {
        this.fromMillis = fromMillis;
    }

    public Long getToMillis() {
        return toMillis;
    }

    public void setToMillis(Long toMillis) {
        this.toMillis = toMillis;
    }

    public Long getSetBy() {
        return setBy;
    }

    public void setSetBy(Long setBy) {
        this.setBy = setBy;
    }

    public Long getSetAtMillis() {
        return setAtMillis;
    }

    public void setSetAtMillis(Long setAtMillis) {
        this.setAtMillis = setAtMillis;
    }
}
