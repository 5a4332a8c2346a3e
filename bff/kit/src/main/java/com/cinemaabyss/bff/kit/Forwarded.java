package com.cinemaabyss.bff.kit;

import com.cinemaabyss.kit.core.UnauthorizedException;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the BFF passes on to the functions from its caller: the access token (unchanged, the functions verify it) and
 * the country the gateway set. Nothing else of the caller's headers travels.
 */
public record Forwarded(String authorization, String clientCountry) {

    public static final String CLIENT_COUNTRY = "X-Client-Country";
    /** The platform accepts access tokens up to 8 KiB; the header carries "Bearer " in front. */
    static final int MAX_AUTHORIZATION = 8192 + 7;
    private static final Pattern HEADER_SAFE = Pattern.compile("[\\x21-\\x7e ]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public Forwarded {
        if (authorization != null && (authorization.isBlank())) {
            authorization = null;
        }
        if (authorization != null && (authorization.length() > MAX_AUTHORIZATION || !HEADER_SAFE.matcher(authorization).matches())) {
            throw new UnauthorizedException("the Authorization header is not an access token this platform issues");
        }
        if (clientCountry != null && !COUNTRY.matcher(clientCountry).matches()) {
            clientCountry = null;
        }
    }

    public static Forwarded of(String authorization, String clientCountry) {
        return new Forwarded(authorization, clientCountry);
    }

    public boolean signedIn() {
        return authorization != null;
    }

    public Map<String, String> headers() {
        if (authorization == null && clientCountry == null) {
            return Map.of();
        }
        if (authorization == null) {
            return Map.of(CLIENT_COUNTRY, clientCountry);
        }
        return clientCountry == null ? Map.of("Authorization", authorization)
                : Map.of("Authorization", authorization, CLIENT_COUNTRY, clientCountry);
    }
}
