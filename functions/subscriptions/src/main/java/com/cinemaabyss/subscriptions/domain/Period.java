package com.cinemaabyss.subscriptions.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/** How long one paid period of a plan is: calendar months and years in UTC, so 31 January plus a month is 28/29 February. */
public enum Period {
    MONTH, YEAR;

    public Instant after(Instant start) {
        var utc = start.atOffset(ZoneOffset.UTC);
        return (this == MONTH ? utc.plusMonths(1) : utc.plusYears(1)).toInstant();
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Period fromWire(String value) {
        return switch (value == null ? "" : value) {
            case "month" -> MONTH;
            case "year" -> YEAR;
            default -> throw new InvalidInputException("period must be month or year, got '" + value + "'");
        };
    }
}
