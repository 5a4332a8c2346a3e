package com.cinemaabyss.profile.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code PUT /api/v1/me/profiles/{profile_id}}: the fields given replace the stored ones, the others stay
 * (at least one is required). The result is checked as a whole (a kids profile allows at most 12).
 */
public record ProfileUpdate(String name, String language, @JsonProperty("max_age_rating") Integer maxAgeRating, Boolean kids) {

    public ProfileUpdate {
        if (name == null && language == null && maxAgeRating == null && kids == null) {
            throw new InvalidInputException("the body must set at least one of 'name', 'language', 'max_age_rating', 'kids'");
        }
        name = name == null ? null : ProfileFields.name(name, "name");
        language = language == null ? null : ProfileFields.language(language, "language");
        maxAgeRating = maxAgeRating == null ? null : AgeRatings.check(maxAgeRating, "max_age_rating");
    }

    public Profile applyTo(Profile current) {
        boolean k = kids == null ? current.kids() : kids;
        int age = maxAgeRating == null ? current.maxAgeRating() : maxAgeRating;
        ProfileFields.checkKids(k, age);
        return new Profile(current.id(), current.accountId(), name == null ? current.name() : name,
                language == null ? current.language() : language, age, k, current.createdAt());
    }
}
