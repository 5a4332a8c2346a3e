package com.cinemaabyss.kit.core;

/** A page of a collection: at most {@code limit} items after the position {@code cursor} names (null for the first page). */
public record PageRequest(int limit, String cursor) {
}
