package com.cinemaabyss.catalog.domain;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * One voter's rating of one title as an event says it: set to {@code milliPoints} (thousandths of a point, so a legacy
 * 8.25 stays exact) or removed (empty), at {@code at}. The voter is {@code profile:<id>} for a profile's rating,
 * {@code legacy-user:<id>} for a monolith-era movie event that names its user, {@code legacy-event:<CloudEvent id>} for
 * one that does not (such a vote can never be replaced, only counted once).
 */
public record RatingChange(long titleId, String voter, OptionalLong milliPoints, Instant at) {

    public static final int MAX_VOTER = 300;

    public RatingChange {
        if (titleId < 1 || voter == null || voter.isEmpty() || voter.length() > MAX_VOTER || at == null) {
            throw new IllegalArgumentException("a rating change needs a title, a voter of at most " + MAX_VOTER + " characters and a time");
        }
        milliPoints.ifPresent(points -> {
            if (points < 0 || points > 10_000) {
                throw new IllegalArgumentException("a rating is 0..10 points, got " + points + " thousandths");
            }
        });
    }
}
