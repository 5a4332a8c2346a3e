package com.cinemaabyss.kit.movies;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** One page of movies; {@code next_cursor} is null on the last page. */
public record MoviePage(List<Movie> items, @JsonProperty("next_cursor") String nextCursor) {
}
