package com.cinemaabyss.profile.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A profile's rating of a title (1..10), and when it was set (RFC 3339). */
public record Rating(@JsonProperty("title_id") long titleId, int rating, @JsonProperty("rated_at") String ratedAt) {
}
