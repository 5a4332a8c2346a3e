package com.cinemaabyss.discounts.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.Locale;

/** How long a plan's paid period is. */
public enum Period {
    MONTH, YEAR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Period of(String value, String field) {
        if ("month".equals(value)) {
            return MONTH;
        }
        if ("year".equals(value)) {
            return YEAR;
        }
        throw new InvalidInputException("field '" + field + "' must be 'month' or 'year'");
    }
}
