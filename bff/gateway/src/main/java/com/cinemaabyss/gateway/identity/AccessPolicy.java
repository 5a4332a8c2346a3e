package com.cinemaabyss.gateway.identity;

import java.util.List;

/**
 * The ordered route rules: the first that matches a request decides what it needs; none matching, the default does.
 * Legacy rules are resolved here by the legacy-auth switch, so callers only ever see public, optional,
 * authenticated or role access.
 */
public final class AccessPolicy {

    private final List<AccessRule> rules;
    private final AccessRule fallback;
    private final LegacyAuth legacyAuth;

    public AccessPolicy(List<AccessRule> rules, Access defaultAccess, LegacyAuth legacyAuth) {
        this.legacyAuth = legacyAuth;
        // The legacy switch is resolved once, here, rather than on every request.
        this.rules = rules.stream().map(this::resolved).toList();
        this.fallback = resolved(new AccessRule(new RoutePattern("/**"), null, defaultAccess, false));
    }

    /** The policy of the settings: their rules, default and legacy switch. */
    public static AccessPolicy of(AuthSettings settings) {
        return new AccessPolicy(settings.rules().stream().map(AuthSettings.Rule::toAccessRule).toList(),
                Access.parse(settings.defaultAccess()), settings.legacyAuth());
    }

    /** The rule for a request on a canonical path ({@link RoutePattern#isCanonical}), its access resolved. */
    public AccessRule ruleFor(String method, String path) {
        for (AccessRule rule : rules) {
            if (rule.matches(method, path)) {
                return rule;
            }
        }
        return fallback;
    }

    private AccessRule resolved(AccessRule rule) {
        return rule.access().kind() == Access.Kind.LEGACY
                ? new AccessRule(rule.pattern(), rule.methods(), legacyAuth.access(), rule.adminToken())
                : rule;
    }
}
