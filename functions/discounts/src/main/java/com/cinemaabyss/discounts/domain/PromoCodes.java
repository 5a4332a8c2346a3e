package com.cinemaabyss.discounts.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.Locale;
import java.util.regex.Pattern;

/** Promo code strings: case-insensitive for clients, stored upper case; short, so they are safe as keys. */
public final class PromoCodes {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{2,31}");

    private PromoCodes() {
    }

    public static String normalize(String value, String field) {
        String upper = value == null ? null : value.strip().toUpperCase(Locale.ROOT);
        if (upper == null || !CODE.matcher(upper).matches()) {
            throw new InvalidInputException("field '" + field + "' must be a promo code: 3 to 32 of A-Z, 0-9, '_' and '-'");
        }
        return upper;
    }
}
