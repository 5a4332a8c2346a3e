package com.cinemaabyss.kit.auth;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a verified token says the caller is. The user id is bounded and of a header-safe alphabet, so it can be passed
 * on to the services as it is.
 */
public record Identity(String userId, Set<Role> roles) {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Identity {
        Objects.requireNonNull(userId, "userId");
        if (!isValidUserId(userId)) {
            throw new IllegalArgumentException("user id must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static boolean isValidUserId(String userId) {
        return userId != null && USER_ID.matcher(userId).matches();
    }

    /** Admin holds every role. */
    public boolean has(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }
}
