package com.cinemaabyss.recommendations.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What one event says about a viewer and a title: a playback start, watch progress (finished or not), a favourite
 * added or removed, a rating set (1..10) or removed (0). {@code profileId} is null for a playback started without a
 * profile: it then counts for the title's popularity only.
 */
public record Signal(Kind kind, long userId, Long profileId, long titleId, Instant at, boolean on, int rating) {

    public enum Kind { PLAYBACK, PROGRESS, FAVORITE, RATING }

    /** Ratings from this up say "liked it": they count for popularity, the favourite genres and the engine. */
    public static final int LIKED = 7;

    public static Signal playback(long userId, Long profileId, long titleId, Instant at) {
        return new Signal(Kind.PLAYBACK, userId, profileId, titleId, at, true, 0);
    }

    public static Signal progress(long userId, long profileId, long titleId, Instant at, boolean finished) {
        return new Signal(Kind.PROGRESS, userId, profileId, titleId, at, finished, 0);
    }

    public static Signal favorite(long userId, long profileId, long titleId, Instant at, boolean added) {
        return new Signal(Kind.FAVORITE, userId, profileId, titleId, at, added, 0);
    }

    /** {@code rating} 0 is a removal. */
    public static Signal rating(long userId, long profileId, long titleId, Instant at, int rating) {
        return new Signal(Kind.RATING, userId, profileId, titleId, at, rating > 0, rating);
    }

    /** How much this adds to the title's popularity (before decay): a start 1, a finish 1 more, a favourite or a liked rating 2. */
    public double popularity() {
        return switch (kind) {
            case PLAYBACK -> 1;
            case PROGRESS -> on ? 1 : 0;
            case FAVORITE -> on ? 2 : 0;
            case RATING -> rating >= LIKED ? 2 : 0;
        };
    }

    /** What the engine is told (openapi.yaml's Interaction), for a signal with a profile. */
    public Optional<Interaction> interaction() {
        if (profileId == null) {
            return Optional.empty();
        }
        String user = Interaction.user(profileId);
        return Optional.of(switch (kind) {
            case PLAYBACK -> new Interaction(user, titleId, "view", 1, at);
            case PROGRESS -> new Interaction(user, titleId, "view", on ? 2 : 1, at);
            case FAVORITE -> new Interaction(user, titleId, "favorite", on ? 3 : 0, at);
            case RATING -> new Interaction(user, titleId, "rating", rating >= LIKED ? rating - 5 : 0, at);
        });
    }
}
