package com.cinemaabyss.catalog.store;

import com.cinemaabyss.kit.dynamo.IdSequences;

/**
 * Movie ids during the migration. Both the monolith and the catalog accept new movies, and a movie keeps
 * its id on both sides, so the two writers draw from disjoint arithmetic progressions of one integer
 * space: writer {@code offset} of {@code stride} hands out offset, offset + stride, offset + 2·stride, …
 * Each writer's own DynamoDB counter stays private to it; no table is shared.
 */
public class MovieIds {

    private final IdSequences sequences;
    private final long offset;
    private final long stride;

    public MovieIds(IdSequences sequences, long offset, long stride) {
        if (stride < 1 || offset < 1 || offset > stride) {
            throw new IllegalArgumentException("movie ids need 1 <= offset <= stride, got offset " + offset + ", stride " + stride);
        }
        this.sequences = sequences;
        this.offset = offset;
        this.stride = stride;
    }

    public long next() {
        return (sequences.next("movies") - 1) * stride + offset;
    }
}
