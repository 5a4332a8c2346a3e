package com.cinemaabyss.gateway.identity;

import com.cinemaabyss.kit.auth.Identity;
import com.cinemaabyss.kit.auth.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The identity headers the services read. Whatever a client sends under {@code X-User-*} is removed, always; the
 * gateway sets {@code X-User-Id} and {@code X-User-Roles} only from a verified token.
 */
public final class IdentityHeaders {

    public static final String USER_ID = "X-User-Id";
    public static final String USER_ROLES = "X-User-Roles";
    private static final String PREFIX = "x-user-";

    private IdentityHeaders() {
    }

    /** Whether a header is in the gateway's {@code X-User-*} namespace (case-insensitive). */
    public static boolean isIdentityHeader(String name) {
        return name != null && name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The client's header names to remove before forwarding, as the client spelled them. */
    public static List<String> toRemove(Iterable<String> clientHeaderNames) {
        List<String> names = new ArrayList<>();
        clientHeaderNames.forEach(name -> {
            if (isIdentityHeader(name)) {
                names.add(name);
            }
        });
        return names;
    }

    /**
     * The headers to set for a verified identity: its user id, and its roles comma-joined in a fixed order (empty
     * when it has none). Nothing for an anonymous caller.
     */
    public static Map<String, String> toSet(Optional<Identity> identity) {
        if (identity.isEmpty()) {
            return Map.of();
        }
        Identity who = identity.get();
        // Identity already admits only header-safe ids; checked again because this is the line a header value crosses.
        if (!Identity.isValidUserId(who.userId())) {
            throw new IllegalArgumentException("not a header-safe user id");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(USER_ID, who.userId());
        headers.put(USER_ROLES, who.roles().stream().sorted().map(Role::wireName).collect(Collectors.joining(",")));
        return headers;
    }
}
