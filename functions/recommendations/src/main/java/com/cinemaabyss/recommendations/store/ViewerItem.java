package com.cinemaabyss.recommendations.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The viewers' side, one partition per profile ({@code p#<profile id>}: the entry {@code owner} with the account, one
 * entry {@code t#<title id>} per title it touched) and one per account ({@code u#<user id>}: an entry
 * {@code p#<zero-padded profile id>} per profile seen, so the first is the account's first profile). Written through
 * {@link ViewerStore} with update expressions; the bean only declares the table's keys.
 */
@DynamoDbBean
public class ViewerItem {
    private String viewer;
    private String entry;

    @DynamoDbPartitionKey
    public String getViewer() {
        return viewer;
    }

    public void setViewer(String viewer) {
        this.viewer = viewer;
    }

    @DynamoDbSortKey
    public String getEntry() {
        return entry;
    }

    public void setEntry(String entry) {
        this.entry = entry;
    }
}
