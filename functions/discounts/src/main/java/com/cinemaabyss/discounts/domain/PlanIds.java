package com.cinemaabyss.discounts.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.regex.Pattern;

/** Plan ids are short slugs ({@code basic-month}): they appear in paths, events and table keys. */
public final class PlanIds {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private PlanIds() {
    }

    public static String check(String value, String field) {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new InvalidInputException("field '" + field + "' must be a plan id: 1 to 64 of a-z, 0-9 and '-', not starting with '-'");
        }
        return value;
    }
}
