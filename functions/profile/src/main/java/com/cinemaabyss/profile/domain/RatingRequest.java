package com.cinemaabyss.profile.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

/** The body of {@code PUT /api/v1/me/ratings/{title_id}}: a whole number from 1 to 10. */
public record RatingRequest(Integer rating) {

    public RatingRequest {
        if (rating == null || rating < 1 || rating > 10) {
            throw new InvalidInputException("field 'rating' must be an integer from 1 to 10, got " + rating);
        }
    }
}
