package com.cinemaabyss.monolith.domain;

import com.cinemaabyss.kit.core.Checks;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A subscription request; dates are ISO-8601 (a date, or a date-time with offset), start defaults to now, end to 30 days later.
 * An end equal to the start is accepted, as the legacy monolith did.
 */
public record NewSubscription(@JsonProperty("user_id") Long userId,
                              @JsonProperty("plan_type") String planType,
                              @JsonProperty("start_date") String startDate,
                              @JsonProperty("end_date") String endDate) {

    private static final int MAX_DATE_LENGTH = 40;

    public NewSubscription {
        Checks.requirePositive(userId, "user_id");
        planType = Checks.maxLength(Checks.requireText(Checks.noControlCharacters(planType, "plan_type"), "plan_type"), 50, "plan_type");
        Instant start = startDate == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : parse(startDate, "start_date");
        Instant end = endDate == null ? start.plus(30, ChronoUnit.DAYS) : parse(endDate, "end_date");
        if (end.isBefore(start)) {
            throw new InvalidInputException("field 'end_date' must not be before 'start_date'");
        }
        startDate = start.toString();
        endDate = end.toString();
    }

    private static Instant parse(String value, String field) {
        if (value.length() > MAX_DATE_LENGTH) {
            throw new InvalidInputException("field '" + field + "' must be an ISO-8601 date or date-time of at most " + MAX_DATE_LENGTH + " characters");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                throw new InvalidInputException("field '" + field + "' must be an ISO-8601 date or date-time, got '" + value + "'");
            }
        }
    }
}
