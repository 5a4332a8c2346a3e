package com.cinemaabyss.kit.core;

import java.math.BigDecimal;
import java.util.List;

/** Field checks for request records; each failure names the field, so the 400 says what is wrong. */
public final class Checks {

    public static final int MAX_LABELS = 50;
    public static final int MAX_LABEL_LENGTH = 100;

    private Checks() {
    }

    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("field '" + field + "' is required and must be a non-empty string");
        }
        return value.strip();
    }

    public static <T> T require(T value, String field) {
        if (value == null) {
            throw new InvalidInputException("field '" + field + "' is required");
        }
        return value;
    }

    public static long requirePositive(Long value, String field) {
        require(value, field);
        if (value <= 0) {
            throw new InvalidInputException("field '" + field + "' must be a positive integer, got " + value);
        }
        return value;
    }

    public static BigDecimal requireNonNegative(BigDecimal value, String field) {
        require(value, field);
        if (value.signum() < 0) {
            throw new InvalidInputException("field '" + field + "' must not be negative, got " + value.toPlainString());
        }
        return value;
    }

    public static Double optionalInRange(Double value, double min, double max, String field) {
        if (value != null && (value.isNaN() || value < min || value > max)) {
            throw new InvalidInputException("field '" + field + "' must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** A list of short labels (genres, tags): at most {@value #MAX_LABELS} non-blank strings of at most {@value #MAX_LABEL_LENGTH} characters. */
    public static List<String> textList(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LABELS) {
            throw new InvalidInputException("field '" + field + "' must have at most " + MAX_LABELS + " items, got " + values.size());
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new InvalidInputException("field '" + field + "' must contain only non-empty strings");
            }
            if (value.length() > MAX_LABEL_LENGTH) {
                throw new InvalidInputException("field '" + field + "' must contain strings of at most " + MAX_LABEL_LENGTH + " characters");
            }
        }
        return values.stream().map(String::strip).toList();
    }

    public static String maxLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException("field '" + field + "' must be at most " + max + " characters");
        }
        return value;
    }
}
