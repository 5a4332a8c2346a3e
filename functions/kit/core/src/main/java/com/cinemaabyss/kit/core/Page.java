package com.cinemaabyss.kit.core;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** One page of a collection; {@code next_cursor} is null on the last page. */
public record Page<T>(List<T> items, @JsonProperty("next_cursor") String nextCursor) {
}
