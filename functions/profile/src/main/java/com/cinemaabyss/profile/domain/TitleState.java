package com.cinemaabyss.profile.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /api/v1/me/titles/{title_id}}: what a profile has of one title: its rating (null when none), whether it is
 * a favourite, and its latest progress in it (for a series its latest episode; null when never watched).
 */
public record TitleState(@JsonProperty("profile_id") long profileId, @JsonProperty("title_id") long titleId, Integer rating,
                         boolean favorite, Watched progress) {
}
