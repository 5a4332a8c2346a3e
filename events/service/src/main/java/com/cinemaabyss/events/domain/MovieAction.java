package com.cinemaabyss.events.domain;

/** What a viewer can do with a movie: {@link MovieEvent#action()}. */
public enum MovieAction implements KnownValue {
    VIEWED, RATED, FAVORITED, UNFAVORITED, WATCHLISTED, UNWATCHLISTED, SHARED
}
