package com.cinemaabyss.discounts.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** RFC 3339 timestamps in and out. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant optional(String value, String field) {
        if (value == null) {
            return null;
        }
        if (value.length() > 64) {
            throw new InvalidInputException("field '" + field + "' must be an RFC 3339 date-time, e.g. 2026-01-01T00:00:00Z");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("field '" + field + "' must be an RFC 3339 date-time, e.g. 2026-01-01T00:00:00Z");
        }
    }

    public static String format(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
