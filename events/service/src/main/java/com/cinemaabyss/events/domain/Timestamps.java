package com.cinemaabyss.events.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

final class Timestamps {

    private Timestamps() {
    }

    /** An ISO-8601 date-time with offset, normalised to UTC. */
    static String requireIso(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("field '" + field + "' is required and must be an ISO-8601 date-time");
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant().toString();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("field '" + field + "' must be an ISO-8601 date-time with offset, got '" + value + "'");
        }
    }
}
