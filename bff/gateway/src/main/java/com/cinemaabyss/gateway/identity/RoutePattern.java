package com.cinemaabyss.gateway.identity;

import java.util.Locale;

/**
 * A path pattern of the route policy: an exact path ({@code /api/movies}, with or without a trailing slash) or a
 * prefix ending in {@code /**} ({@code /api/v1/**} matches {@code /api/v1} and everything under it). Matching is literal, so it is only meaningful
 * on canonical paths ({@link #isCanonical}); the policy refuses the others instead of guessing how an upstream would
 * normalise them.
 */
public record RoutePattern(String pattern) {

    public RoutePattern {
        String prefix = pattern == null ? "" : prefixOf(pattern);
        boolean everything = "/**".equals(pattern);
        if (pattern == null || !everything && (!isCanonical(prefix) || prefix.contains("*"))) {
            throw new IllegalArgumentException("a route pattern is a canonical path, optionally ending in /**: " + pattern);
        }
    }

    public boolean matches(String path) {
        if (!pattern.endsWith("/**")) {
            return pattern.equals(path) || path.length() == pattern.length() + 1 && path.startsWith(pattern) && path.endsWith("/");
        }
        String prefix = prefixOf(pattern);
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /**
     * A path the policy can judge: absolute, without empty, {@code .} or {@code ..} segments, path parameters
     * ({@code ;}), backslashes or percent-encoded dots, slashes and backslashes, which upstream servers may normalise
     * into another path than the one the rule matched.
     */
    public static boolean isCanonical(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/' || path.length() > 2048) {
            return false;
        }
        if (path.equals("/")) {
            return true;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("//") || lower.contains(";") || lower.contains("\\") || lower.contains("%2e")
                || lower.contains("%2f") || lower.contains("%5c")) {
            return false;
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String prefixOf(String pattern) {
        return pattern.endsWith("/**") ? pattern.substring(0, pattern.length() - 3) : pattern;
    }
}
