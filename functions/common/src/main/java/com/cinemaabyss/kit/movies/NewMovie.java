package com.cinemaabyss.kit.movies;

import com.cinemaabyss.kit.web.Checks;

import java.util.List;

public record NewMovie(String title, String description, List<String> genres, Double rating) {

    public NewMovie {
        title = Checks.maxLength(Checks.requireText(title, "title"), 500, "title");
        description = Checks.maxLength(description == null ? "" : description, 10_000, "description");
        genres = Checks.textList(genres, "genres");
        rating = Checks.optionalInRange(rating, 0, 10, "rating");
    }
}
