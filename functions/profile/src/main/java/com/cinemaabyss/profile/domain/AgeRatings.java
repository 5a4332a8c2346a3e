package com.cinemaabyss.profile.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.List;

/** The Russian age scale the catalog uses: 0+, 6+, 12+, 16+, 18+ (18 = no limit). */
public final class AgeRatings {

    public static final List<Integer> ALLOWED = List.of(0, 6, 12, 16, 18);
    /** Kids profiles see at most 12+ titles. */
    public static final int KIDS_MAX = 12;

    private AgeRatings() {
    }

    public static int check(Integer value, String field) {
        if (value == null || !ALLOWED.contains(value)) {
            throw new InvalidInputException("field '" + field + "' must be one of " + ALLOWED + ", got " + value);
        }
        return value;
    }
}
