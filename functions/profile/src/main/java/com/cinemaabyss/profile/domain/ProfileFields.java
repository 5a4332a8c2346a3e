package com.cinemaabyss.profile.domain;

import com.cinemaabyss.kit.core.Checks;
import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.regex.Pattern;

/** The bounded fields of a profile: its display name and its language tag. */
public final class ProfileFields {

    public static final int MAX_NAME = 50;
    public static final int MAX_LANGUAGE = 35;
    /** BCP 47-ish: a 2-3 letter primary language, then up to 3 subtags of 1-8 letters or digits ("en", "pt-BR", "zh-Hant-TW"). */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");

    private ProfileFields() {
    }

    public static String name(String value, String field) {
        String name = Checks.requireText(value, field);
        Checks.maxLength(name, MAX_NAME, field);
        return Checks.noControlCharacters(name, field);
    }

    public static String language(String value, String field) {
        if (value == null || value.length() > MAX_LANGUAGE || !LANGUAGE.matcher(value).matches()) {
            throw new InvalidInputException("field '" + field + "' must be a language tag such as 'en' or 'pt-BR' (at most "
                    + MAX_LANGUAGE + " characters)");
        }
        return value;
    }

    /** A kids profile is limited to {@link AgeRatings#KIDS_MAX}. */
    public static void checkKids(boolean kids, int maxAgeRating) {
        if (kids && maxAgeRating > AgeRatings.KIDS_MAX) {
            throw new InvalidInputException("field 'max_age_rating' must be at most " + AgeRatings.KIDS_MAX + " on a kids profile, got " + maxAgeRating);
        }
    }
}
