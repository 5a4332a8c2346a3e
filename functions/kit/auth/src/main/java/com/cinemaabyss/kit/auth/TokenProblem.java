package com.cinemaabyss.kit.auth;

/**
 * Why a request's bearer token was not accepted. Descriptions are fixed ASCII without quotes or backslashes, so they
 * go into a JSON body and into {@code WWW-Authenticate} as they are; nothing from the token is ever echoed.
 */
public enum TokenProblem {
    MISSING("a bearer token is required"),
    MALFORMED("the bearer token is malformed"),
    EXPIRED("the token has expired"),
    NOT_YET_VALID("the token is not valid yet"),
    BAD_SIGNATURE("the token signature is invalid"),
    UNKNOWN_KEY("the token is signed with an unknown key"),
    UNSUPPORTED_ALGORITHM("the token must be signed with RS256"),
    WRONG_ISSUER("the token has the wrong issuer"),
    WRONG_AUDIENCE("the token is not meant for this API"),
    INVALID_CLAIMS("the token claims are invalid"),
    /** The identity service's keys could not be fetched: not the client's fault, answered 503. */
    KEYS_UNAVAILABLE("the token keys are unavailable, try again later");

    private final String description;

    TokenProblem(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** 401 for a token the client must replace, 503 when the keys to check it could not be had. */
    public int status() {
        return this == KEYS_UNAVAILABLE ? 503 : 401;
    }

    /**
     * The {@code WWW-Authenticate} value of RFC 6750: no error code when no token was sent (section 3.1), else
     * {@code invalid_token} with the description.
     */
    public String wwwAuthenticate() {
        if (this == MISSING) {
            return "Bearer realm=\"cinemaabyss\"";
        }
        return "Bearer realm=\"cinemaabyss\", error=\"invalid_token\", error_description=\"" + description + "\"";
    }
}
