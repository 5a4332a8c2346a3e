package com.cinemaabyss.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which side of the migration this is ({@code writer}: the name its changes carry on the movie changelog) and the
 * arithmetic progression its movie ids come from (see {@link com.cinemaabyss.catalog.store.MovieIds}).
 */
@ConfigurationProperties("cinemaabyss.movies")
public record MovieSettings(String writer, long idOffset, long idStride) {
}
