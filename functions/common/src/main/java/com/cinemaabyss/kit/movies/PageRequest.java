package com.cinemaabyss.kit.movies;

/** A page of the catalog: at most {@code limit} movies after the position {@code cursor} names (null for the first page). */
public record PageRequest(int limit, String cursor) {
}
