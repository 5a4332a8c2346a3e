package com.cinemaabyss.kit.web.auth;

import java.util.Set;

/** Who sent a request, as identity's access token says: the user id and the wire names of the roles. */
public record Caller(long userId, Set<String> roles) {

    public static final String ADMIN = "admin";

    public Caller {
        if (userId < 1) {
            throw new IllegalArgumentException("user id must be positive");
        }
        roles = Set.copyOf(roles);
    }

    /** Admin holds every role. */
    public boolean hasRole(String role) {
        return roles.contains(role) || roles.contains(ADMIN);
    }
}
