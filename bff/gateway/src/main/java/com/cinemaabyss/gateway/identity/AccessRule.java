package com.cinemaabyss.gateway.identity;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One rule of the route policy: requests to {@code pattern} with one of {@code methods} (any method when empty) need
 * {@code access}. With {@code adminToken} the gateway's own admin token is accepted as well as a token of the role.
 */
public record AccessRule(RoutePattern pattern, Set<String> methods, Access access, boolean adminToken) {

    public AccessRule {
        methods = methods == null ? Set.of()
                : methods.stream().map(m -> m.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean matches(String method, String path) {
        return (methods.isEmpty() || methods.contains(method.toUpperCase(Locale.ROOT))) && pattern.matches(path);
    }
}
