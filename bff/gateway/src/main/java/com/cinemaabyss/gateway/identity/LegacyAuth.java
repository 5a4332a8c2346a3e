package com.cinemaabyss.gateway.identity;

/** How the legacy routes (the monolith's /api/movies, /api/users, ...) treat tokens, from LEGACY_AUTH. */
public enum LegacyAuth {
    /** Tokens are ignored and not required: the routes behave as before identity existed. */
    OFF,
    /** A token is checked when sent (a bad one is 401) and identifies the caller; none is needed. */
    OPTIONAL,
    /** A valid token is needed. */
    REQUIRED;

    Access access() {
        return switch (this) {
            case OFF -> Access.PUBLIC;
            case OPTIONAL -> Access.OPTIONAL;
            case REQUIRED -> Access.AUTHENTICATED;
        };
    }
}
