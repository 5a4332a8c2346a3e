package com.cinemaabyss.identity.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.regex.Pattern;

/** The shape of every opaque token identity hands out: 32 random bytes, base64url without padding (43 characters). */
public final class OpaqueToken {

    public static final int LENGTH = 43;
    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private OpaqueToken() {
    }

    public static String require(String token, String field) {
        if (token == null || token.length() != LENGTH || !SHAPE.matcher(token).matches()) {
            throw new InvalidInputException("field '" + field + "' must be a token this service issued");
        }
        return token;
    }
}
