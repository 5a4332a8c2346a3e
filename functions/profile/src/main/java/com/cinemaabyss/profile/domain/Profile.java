package com.cinemaabyss.profile.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** A viewer profile as the API shows it (the contract content reads: id, name, language, max_age_rating, kids, created_at). */
public record Profile(long id, @JsonIgnore long accountId, String name, String language,
                      @JsonProperty("max_age_rating") int maxAgeRating, boolean kids, @JsonIgnore Instant createdAt) {

    /** What an account's first profile is called and speaks, before anyone changes it. */
    public record Defaults(String name, String language) {
    }

    @JsonProperty("created_at")
    public String createdAtText() {
        return createdAt.toString();
    }
}
