package com.cinemaabyss.identity.domain;

import java.util.Set;

/**
 * Who sends a request: the user id and, when it comes from a verified access token, the roles the token carries.
 * {@code fromToken} is false for an identity taken from the gateway's X-User-Id header (roles unknown).
 */
public record Caller(long userId, Set<Role> roles, boolean fromToken) {

    public Caller {
        roles = Set.copyOf(roles);
    }
}
