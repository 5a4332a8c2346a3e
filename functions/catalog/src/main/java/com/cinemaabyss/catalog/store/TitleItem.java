package com.cinemaabyss.catalog.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

import java.util.Map;

/**
 * DynamoDB item of the titles table: the title as one JSON document (what the changelog carries), its version for
 * conditional updates, and, for a provider's title, which episode id each of the provider's episode ids got.
 */
@DynamoDbBean
public class TitleItem {
    private Long id;
    private Long version;
    private String document;
    private Map<String, Long> episodeKeys;

    @DynamoDbPartitionKey
    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getDocument() {
        return document;
    }

    public void setDocument(String document) {
        this.document = document;
    }

    public Map<String, Long> getEpisodeKeys() {
        return episodeKeys;
    }

    public void setEpisodeKeys(Map<String, Long> episodeKeys) {
        this.episodeKeys = episodeKeys;
    }
}
