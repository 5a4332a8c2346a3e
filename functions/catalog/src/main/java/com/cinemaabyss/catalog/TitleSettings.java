package com.cinemaabyss.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The titles part of the catalog: whether to seed the demo catalog at start ({@code CATALOG_SEED_DEMO}, only the local
 * platform sets it), and the topic the search index follows.
 */
@ConfigurationProperties("cinemaabyss.titles")
public record TitleSettings(boolean seedDemo, @DefaultValue("title-changes") String searchTopic) {
}
