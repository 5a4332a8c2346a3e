package com.cinemaabyss.kit.core;

import java.math.BigDecimal;
import java.util.List;

/** Field checks for request records; each failure names the field, so the 400 says what is wrong. */
public final class Checks {

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

    public static List<String> textList(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new InvalidInputException("field '" + field + "' must contain only non-empty strings");
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
