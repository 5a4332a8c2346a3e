package com.cinemaabyss.catalog.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** One page of a search: the hits, how many match in all, the facet counts of the whole result, the next page's cursor. */
public record SearchResult(List<Hit> items, long total, Facets facets, @JsonProperty("next_cursor") String nextCursor) {

    /** A title in a result list: enough to show it, not its seasons. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(long id, String kind, String title, @JsonProperty("original_title") String originalTitle,
                      @JsonProperty("release_year") Integer releaseYear, List<String> genres, List<String> countries,
                      @JsonProperty("age_rating") int ageRating, Rating rating, String poster) {
    }

    public record Facets(List<Count> genres, List<Count> countries, List<Count> decades) {
    }

    public record Count(String value, long count) {
    }
}
