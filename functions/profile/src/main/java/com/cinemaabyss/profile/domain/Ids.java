package com.cinemaabyss.profile.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

/** Ids as every contract bounds them: 1 .. 2^53-1. */
public final class Ids {

    public static final long MAX = 9_007_199_254_740_991L;

    private Ids() {
    }

    public static long check(Long value, String field) {
        if (value == null || value < 1 || value > MAX) {
            throw new InvalidInputException("field '" + field + "' must be an integer from 1 to " + MAX + ", got " + value);
        }
        return value;
    }

    /** A path segment or query value that must be an id; the message names it. */
    public static long parse(String raw, String name) {
        if (raw != null && raw.length() <= 16 && raw.chars().allMatch(c -> c >= '0' && c <= '9') && !raw.isEmpty()) {
            long value = Long.parseLong(raw);
            if (value >= 1 && value <= MAX) {
                return value;
            }
        }
        throw new InvalidInputException("'" + name + "' must be an integer from 1 to " + MAX);
    }
}
