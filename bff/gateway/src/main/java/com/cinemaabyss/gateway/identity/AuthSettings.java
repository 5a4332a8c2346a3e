package com.cinemaabyss.gateway.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code cinemaabyss.gateway.auth.*}: where the identity service's keys are, what its tokens must say, and the ordered
 * route rules ({@code adminToken}: GATEWAY_ADMIN_TOKEN, accepted on the rules that say so). {@code clockSkew} is allowed either way on exp, nbf and iat; {@code keysTimeToLive} is how long a fetched
 * key set is used; an unknown kid refetches it at most once per {@code keysMinRefetchInterval}.
 */
@ConfigurationProperties("cinemaabyss.gateway.auth")
public record AuthSettings(@DefaultValue("http://127.0.0.1:8083/.well-known/jwks.json") URI jwksUrl,
                           @DefaultValue("cinemaabyss-identity") String issuer,
                           @DefaultValue("cinemaabyss-api") String audience,
                           @DefaultValue("30s") Duration clockSkew,
                           @DefaultValue("5m") Duration keysTimeToLive,
                           @DefaultValue("30s") Duration keysMinRefetchInterval,
                           @DefaultValue("1s") Duration keysHttpTimeout,
                           @DefaultValue("off") LegacyAuth legacyAuth,
                           @DefaultValue("public") String defaultAccess,
                           List<Rule> rules,
                           String adminToken) {

    public AuthSettings {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** {@code path} exact or ending in /**, {@code methods} empty for all, {@code access} as {@link Access#parse}. */
    public record Rule(String path, Set<String> methods, String access, boolean adminToken) {

        AccessRule toAccessRule() {
            return new AccessRule(new RoutePattern(path), methods, Access.parse(access), adminToken);
        }
    }
}
