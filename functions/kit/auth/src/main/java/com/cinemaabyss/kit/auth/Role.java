package com.cinemaabyss.kit.auth;

import java.util.Locale;
import java.util.Optional;

/** The roles the identity service puts in a token's {@code roles} claim, by their wire names. */
public enum Role {
    VIEWER, CONTENT_MANAGER, ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of that exact wire name; none for anything else (the name is compared, never echoed). */
    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
