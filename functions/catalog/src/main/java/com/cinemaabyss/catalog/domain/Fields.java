package com.cinemaabyss.catalog.domain;

import com.cinemaabyss.kit.core.Checks;
import com.cinemaabyss.kit.core.InvalidInputException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The field checks of a title's parts; each failure names the field (with its path, e.g. {@code seasons[1].number}). */
public final class Fields {

    public static final Set<Integer> AGE_RATINGS = Set.of(0, 6, 12, 16, 18);
    public static final Set<String> ROLES = Set.of("director", "actor", "writer", "producer", "composer");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private Fields() {
    }

    public static String text(String value, int max, String field) {
        return Checks.noControlCharacters(Checks.maxLength(Checks.requireText(value, field), max, field), field);
    }

    /** Optional text: null stays null; blank becomes null; descriptions may hold line breaks, so only length is checked. */
    public static String optionalText(String value, int max, String field, boolean multiline) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Checks.maxLength(value, max, field);
        return multiline ? value.strip() : Checks.noControlCharacters(value.strip(), field);
    }

    public static int range(Integer value, int min, int max, String field) {
        Checks.require(value, field);
        if (value < min || value > max) {
            throw new InvalidInputException("field '" + field + "' must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public static Integer optionalRange(Integer value, int min, int max, String field) {
        return value == null ? null : range(value, min, max, field);
    }

    public static <T> List<T> list(List<T> values, int max, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw new InvalidInputException("field '" + field + "' must have at most " + max + " items, got " + values.size());
        }
        for (T value : values) {
            if (value == null) {
                throw new InvalidInputException("field '" + field + "' must not contain null");
            }
        }
        return values;
    }

    public static List<String> labels(List<String> values, int max, int maxLength, String field) {
        List<String> labels = new ArrayList<>();
        for (String value : list(values, max, field)) {
            String label = text(value, maxLength, field + "[]");
            if (!labels.contains(label)) {
                labels.add(label);
            }
        }
        return List.copyOf(labels);
    }

    public static List<String> regions(List<String> values, int max, String field) {
        List<String> regions = new ArrayList<>();
        for (String value : list(values, max, field)) {
            String region = region(value, field + "[]");
            if (!regions.contains(region)) {
                regions.add(region);
            }
        }
        return List.copyOf(regions);
    }

    public static String region(String value, String field) {
        if (value == null || !REGION.matcher(value).matches()) {
            throw new InvalidInputException("field '" + field + "' must be an ISO 3166-1 alpha-2 code in upper case, e.g. RU");
        }
        return value;
    }

    public static String language(String value, String field) {
        if (value == null || !LANGUAGE.matcher(value).matches()) {
            throw new InvalidInputException("field '" + field + "' must be an ISO 639-1 code in lower case, e.g. ru");
        }
        return value;
    }

    public static int ageRating(Integer value, String field) {
        Checks.require(value, field);
        if (!AGE_RATINGS.contains(value)) {
            throw new InvalidInputException("field '" + field + "' must be one of 0, 6, 12, 16, 18, got " + value);
        }
        return value;
    }

    public static String providerName(String value, String field) {
        if (value == null || !PROVIDER.matcher(value).matches()) {
            throw new InvalidInputException("field '" + field + "' must match ^[a-z0-9][a-z0-9-]{0,63}$");
        }
        return value;
    }

    public static Instant instant(String value, String field) {
        Checks.require(value, field);
        try {
            return Instant.parse(Checks.maxLength(value, 40, field));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("field '" + field + "' must be an RFC 3339 date-time, e.g. 2026-01-01T00:00:00Z");
        }
    }

    public static String https(String value, String field) {
        if (value == null) {
            return null;
        }
        Checks.maxLength(value, 2048, field);
        if (!value.startsWith("https://") || value.length() <= "https://".length() || value.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw new InvalidInputException("field '" + field + "' must be an https URL without spaces");
        }
        return value;
    }
}
