package com.cinemaabyss.content.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 region codes, as the JDK knows them: upper case, exactly two letters, assigned. */
public final class Regions {

    private static final Set<String> ASSIGNED = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private Regions() {
    }

    public static boolean isRegion(String value) {
        return value != null && value.length() == 2 && ASSIGNED.contains(value);
    }

    /** {@code value} if it is an assigned alpha-2 code; 400 naming {@code what} otherwise (the value is not echoed). */
    public static String require(String value, String what) {
        if (!isRegion(value)) {
            throw new InvalidInputException(what + " must be an ISO 3166-1 alpha-2 region code in upper case, e.g. RU");
        }
        return value;
    }
}
