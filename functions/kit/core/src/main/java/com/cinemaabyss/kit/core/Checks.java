package com.cinemaabyss.kit.core;

import java.math.BigDecimal;
import java.util.List;

/** Field checks for request records; each failure names the field, so the 400 says what is wrong. */
public final class Checks {

    public static final int MAX_LABELS = 50;
    public static final int MAX_LABEL_LENGTH = 100;
    public static final BigDecimal MAX_MONEY = new BigDecimal("1000000");
    public static final int MONEY_FRACTION_DIGITS = 2;
    /** Numbers longer than this are not echoed in messages. */
    public static final int MAX_SHOWN_NUMBER = 24;

    private static final int MAX_MONEY_INTEGER_DIGITS = 7;

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
            throw new InvalidInputException("field '" + field + "' must not be negative, got " + shown(value));
        }
        return value;
    }

    /**
     * An amount of money as the legacy API sends it: greater than 0, at most {@link #MAX_MONEY}, at most
     * {@value #MONEY_FRACTION_DIGITS} fraction digits. Every step is cheap whatever the exponent
     * ({@code 1e999999999} is one digit with a huge negative scale), and the value is never expanded.
     */
    public static BigDecimal money(BigDecimal value, String field) {
        require(value, field);
        if (value.signum() < 0) {
            throw new InvalidInputException("field '" + field + "' must not be negative, got " + shown(value));
        }
        if (value.signum() == 0) {
            throw new InvalidInputException("field '" + field + "' must be greater than 0");
        }
        // Integer digits first, in long arithmetic: it bounds the scale from below, so stripTrailingZeros cannot overflow.
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_MONEY_INTEGER_DIGITS || value.compareTo(MAX_MONEY) > 0) {
            throw new InvalidInputException("field '" + field + "' must be at most " + MAX_MONEY.toPlainString() + ", got " + shown(value));
        }
        if (value.stripTrailingZeros().scale() > MONEY_FRACTION_DIGITS) {
            throw new InvalidInputException("field '" + field + "' must have at most " + MONEY_FRACTION_DIGITS + " digits after the decimal point, got " + shown(value));
        }
        return value;
    }

    public static Double optionalInRange(Double value, double min, double max, String field) {
        if (value != null && (value.isNaN() || value < min || value > max)) {
            throw new InvalidInputException("field '" + field + "' must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /**
     * A list of short labels (genres, tags): at most {@value #MAX_LABELS} non-blank strings of at most
     * {@value #MAX_LABEL_LENGTH} characters, without control characters.
     */
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
            noControlCharacters(value, field);
        }
        return values.stream().map(String::strip).toList();
    }

    public static String maxLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException("field '" + field + "' must be at most " + max + " characters");
        }
        return value;
    }

    /** Rejects ASCII control characters (tabs and line breaks included): such fields end up in logs and headers. */
    public static String noControlCharacters(String value, String field) {
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    throw new InvalidInputException("field '" + field + "' must not contain control characters");
                }
            }
        }
        return value;
    }

    /**
     * A number as it may appear in a message: BigDecimal's own notation ({@code 1E+999999999}, never the expanded
     * digits) when short, a fixed text otherwise.
     */
    static String shown(BigDecimal value) {
        if (value.precision() > MAX_SHOWN_NUMBER) {
            return "a number too long to show";
        }
        String text = value.toString();
        return text.length() <= MAX_SHOWN_NUMBER ? text : "a number too long to show";
    }
}
