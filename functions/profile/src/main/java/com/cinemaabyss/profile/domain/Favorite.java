package com.cinemaabyss.profile.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A title in a profile's favourites, and when it was added (RFC 3339). */
public record Favorite(@JsonProperty("title_id") long titleId, @JsonProperty("added_at") String addedAt) {
}
