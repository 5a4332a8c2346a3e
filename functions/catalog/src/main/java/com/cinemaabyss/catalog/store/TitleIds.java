package com.cinemaabyss.catalog.store;

/**
 * Ids of titles and episodes: one id space, drawn from the catalog's own movie id progression (the even ids; the monolith
 * hands out the odd ones). So a title id never equals a movie id of either side unless it is that movie (legacy movies are
 * mirrored as titles under their movie id), and an episode id never equals a title id.
 */
public class TitleIds {

    private final MovieIds movieIds;

    public TitleIds(MovieIds movieIds) {
        this.movieIds = movieIds;
    }

    public long next() {
        return movieIds.next();
    }
}
