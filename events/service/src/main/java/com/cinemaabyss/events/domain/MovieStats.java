package com.cinemaabyss.events.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the consumers aggregated for one movie: its ratings. */
public record MovieStats(@JsonProperty("movie_id") long movieId, Ratings ratings) {

    public record Ratings(long count, double sum, double average) {
    }

    public static MovieStats of(long movieId, Stat ratings) {
        double sum = ratings.sum() == null ? 0 : ratings.sum();
        return new MovieStats(movieId, new Ratings(ratings.count(), sum, ratings.count() == 0 ? 0 : sum / ratings.count()));
    }
}
