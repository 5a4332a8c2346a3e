package com.cinemaabyss.events.domain;

import com.cinemaabyss.kit.core.Checks;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** Something a viewer did with a movie ({@link MovieAction}); a rating comes with every {@code rated}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MovieEvent(@JsonProperty("movie_id") Long movieId, String title, String action,
                         @JsonProperty("user_id") Long userId, Double rating, List<String> genres, String description) {

    public MovieEvent {
        Checks.requirePositive(movieId, "movie_id");
        title = Checks.maxLength(Checks.requireText(title, "title"), 500, "title");
        action = KnownValue.require(action, MovieAction.class, "action");
        if (userId != null) {
            Checks.requirePositive(userId, "user_id");
        }
        rating = Checks.optionalInRange(rating, 0, 10, "rating");
        if (rating == null && MovieAction.RATED.value().equals(action)) {
            throw new InvalidInputException("field 'rating' is required when action is rated");
        }
        genres = genres == null ? null : Checks.textList(genres, "genres");
        description = Checks.maxLength(description, 10_000, "description");
    }
}
