package com.cinemaabyss.profile.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /api/v1/me/profiles}: {@code name} is required; {@code language} defaults to "en";
 * {@code kids} to false; {@code max_age_rating} to 6 on a kids profile, 18 otherwise (a kids profile allows at most 12).
 */
public record NewProfile(String name, String language, @JsonProperty("max_age_rating") Integer maxAgeRating, Boolean kids) {

    public NewProfile {
        name = ProfileFields.name(name, "name");
        language = language == null ? "en" : ProfileFields.language(language, "language");
        kids = kids != null && kids;
        maxAgeRating = maxAgeRating == null ? (kids ? 6 : 18) : AgeRatings.check(maxAgeRating, "max_age_rating");
        ProfileFields.checkKids(kids, maxAgeRating);
    }
}
