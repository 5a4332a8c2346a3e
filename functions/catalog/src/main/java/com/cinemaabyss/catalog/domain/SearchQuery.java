package com.cinemaabyss.catalog.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.Set;

/**
 * The parameters of {@code GET /api/v1/titles}: free text ({@code q}: title, original title, people, description; typos
 * forgiven), filters that all apply at once, a sort, and a page ({@code limit}, {@code cursor}). Each bounded.
 */
public record SearchQuery(String q, String type, String genre, String country, Integer yearFrom, Integer yearTo,
                          String sort, int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;
    public static final Set<String> SORTS = Set.of("relevance", "year", "rating", "title");

    public SearchQuery {
        q = q == null || q.isBlank() ? null : Fields.text(q, 200, "q");
        if (type != null && !Title.MOVIE.equals(type) && !Title.SERIES.equals(type)) {
            throw new InvalidInputException("query parameter 'type' must be movie or series");
        }
        genre = genre == null ? null : Fields.text(genre, 40, "genre");
        country = country == null ? null : Fields.region(country, "country");
        yearFrom = yearFrom == null ? null : Fields.range(yearFrom, 1870, 2100, "year_from");
        yearTo = yearTo == null ? null : Fields.range(yearTo, 1870, 2100, "year_to");
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new InvalidInputException("query parameter 'year_from' must not be after 'year_to'");
        }
        sort = sort == null ? "relevance" : sort;
        if (!SORTS.contains(sort)) {
            throw new InvalidInputException("query parameter 'sort' must be one of relevance, year, rating, title");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("query parameter 'limit' must be between 1 and " + MAX_LIMIT);
        }
        if (cursor != null && (cursor.isEmpty() || cursor.length() > 512)) {
            throw new InvalidInputException("query parameter 'cursor' is not a cursor this service issued");
        }
    }

    /** What identifies the result a cursor pages through: everything but the page itself. */
    public String resultKey() {
        return String.join("\u0000", String.valueOf(q), String.valueOf(type), String.valueOf(genre), String.valueOf(country),
                String.valueOf(yearFrom), String.valueOf(yearTo), sort);
    }
}
