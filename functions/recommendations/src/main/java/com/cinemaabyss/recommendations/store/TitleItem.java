package com.cinemaabyss.recommendations.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

import java.util.List;

/**
 * A title: its name, genres and version from the changelog, and its decayed popularity from the events. {@code listing}
 * is "published" only while the title is published, so the sparse index by-popularity lists exactly the published
 * titles, most popular first (a title interacted with before the changelog named it is not listed until it does).
 * Written through {@link TitleStore} with update expressions; the bean only declares the table.
 */
@DynamoDbBean
public class TitleItem {
    private Long id;
    private String listing;
    private Double popularity;
    private String name;
    private List<String> genres;
    private Long version;

    @DynamoDbPartitionKey
    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = TitleStore.BY_POPULARITY)
    public String getListing() {
        return listing;
    }

    public void setListing(String listing) {
        this.listing = listing;
    }

    @DynamoDbSecondarySortKey(indexNames = TitleStore.BY_POPULARITY)
    public Double getPopularity() {
        return popularity;
    }

    public void setPopularity(Double popularity) {
        this.popularity = popularity;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getGenres() {
        return genres;
    }

    public void setGenres(List<String> genres) {
        this.genres = genres;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
