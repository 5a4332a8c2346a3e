package com.cinemaabyss.catalog.domain;

import com.cinemaabyss.kit.core.Checks;

import java.util.List;

public record NewMovie(String title, String description, List<String> genres, Double rating) {

    public NewMovie {
        title = Checks.noControlCharacters(Checks.maxLength(Checks.requireText(title, "title"), 500, "title"), "title");
        description = Checks.maxLength(description == null ? "" : description, 10_000, "description");
        genres = Checks.textList(genres, "genres");
        rating = Checks.optionalInRange(rating, 0, 10, "rating");
    }
}
