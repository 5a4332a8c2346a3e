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
        this.rules = List.copyOf(rules);
        this.legacyAuth = legacyAuth;
        this.fallback = new AccessRule(new RoutePattern("/**"), null, defaultAccess, false);
    }

    /** The policy of the settings: their rules, default and legacy switch. */
    public static AccessPolicy of(AuthSettings settings) {
        return new AccessPolicy(settings.rules().stream().map(AuthSettings.Rule::toAccessRule).toList(),
                Access.parse(settings.defaultAccess()), settings.legacyAuth());
    }

    /** The rule for a request on a canonical path ({@link RoutePattern#isCanonical}), its access resolved. */
    public AccessRule ruleFor(String method, String path) {
        AccessRule rule = rules.stream().filter(r -> r.matches(method, path)).findFirst().orElse(fallback);
        return rule.access().kind() == Access.Kind.LEGACY
                ? new AccessRule(rule.pattern(), rule.methods(), legacyAuth.access(), rule.adminToken())
                : rule;
    }

    public LegacyAuth legacyAuth() {
        return legacyAuth;
    }
}
