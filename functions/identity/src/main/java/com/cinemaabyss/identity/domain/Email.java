package com.cinemaabyss.identity.domain;

import com.cinemaabyss.kit.core.Checks;
import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as typed ({@code value}, trimmed) and as it is compared ({@code normalized}: lower case), so
 * that Neo@Matrix.io and neo@matrix.io are one account. The shape is the legacy API's, so that every account can
 * also be a legacy user.
 */
public record Email(String value, String normalized) {

    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public static Email parse(String raw, String field) {
        String value = Checks.maxLength(Checks.requireText(Checks.noControlCharacters(raw, field), field), MAX_LENGTH, field);
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidInputException("field '" + field + "' must be an email address");
        }
        return new Email(value, value.toLowerCase(Locale.ROOT));
    }
}
