package com.cinemaabyss.content.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The body of {@code PUT /api/v1/licences/{title_id}/{region}}: {@code {from, to}}, RFC 3339 date-times, from before to,
 * both within 1970..2200 (a licence window beyond that is a typo, not a deal).
 */
public record LicenceWindow(String from, String to) {

    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    public Instant fromInstant() {
        return parse(from, "from");
    }

    public Instant toInstant() {
        return parse(to, "to");
    }

    /** Both ends checked: present, well-formed, in range, from before to. */
    public LicenceWindow {
        Instant start = parse(from, "from");
        Instant end = parse(to, "to");
        if (!start.isBefore(end)) {
            throw new InvalidInputException("field 'from' must be before field 'to'");
        }
    }

    private static Instant parse(String value, String field) {
        if (value == null) {
            throw new InvalidInputException("field '" + field + "' is required: an RFC 3339 date-time, e.g. 2030-01-01T00:00:00Z");
        }
        if (value.length() > 64) {
            throw new InvalidInputException("field '" + field + "' must be an RFC 3339 date-time of at most 64 characters");
        }
        Instant instant;
        try {
            instant = java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("field '" + field + "' must be an RFC 3339 date-time, e.g. 2030-01-01T00:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidInputException("field '" + field + "' must be between 1970 and 2200");
        }
        return instant;
    }
}
