package com.cinemaabyss.gateway.identity;

import com.cinemaabyss.kit.auth.Role;
import java.util.Locale;

/**
 * What a route asks of a caller. {@code LEGACY} is only a configuration value: the policy turns it into
 * {@code PUBLIC}, {@code OPTIONAL} or {@code AUTHENTICATED} by the legacy-auth switch.
 */
public record Access(Kind kind, Role role) {

    public enum Kind {
        /** No token needed; one that is sent is not checked here (e.g. identity's own /me checks it). */
        PUBLIC,
        /** No token needed; one that is sent must be valid and identifies the caller. */
        OPTIONAL,
        AUTHENTICATED,
        ROLE,
        LEGACY
    }

    public static final Access PUBLIC = new Access(Kind.PUBLIC, null);
    public static final Access OPTIONAL = new Access(Kind.OPTIONAL, null);
    public static final Access AUTHENTICATED = new Access(Kind.AUTHENTICATED, null);
    public static final Access LEGACY = new Access(Kind.LEGACY, null);

    public Access {
        if ((kind == Kind.ROLE) != (role != null)) {
            throw new IllegalArgumentException("a role goes with role access, and only with it");
        }
    }

    /** {@code public | optional | authenticated | legacy | role:<viewer|content_manager|admin>}. */
    public static Access parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("role:")) {
            return new Access(Kind.ROLE, Role.fromWireName(value.substring(5))
                    .orElseThrow(() -> new IllegalArgumentException("unknown role in access: " + text)));
        }
        return switch (value) {
            case "public" -> PUBLIC;
            case "optional" -> OPTIONAL;
            case "authenticated" -> AUTHENTICATED;
            case "legacy" -> LEGACY;
            default -> throw new IllegalArgumentException(
                    "access is public, optional, authenticated, legacy or role:<name>, not: " + text);
        };
    }
}
