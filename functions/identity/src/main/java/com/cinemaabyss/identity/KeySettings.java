package com.cinemaabyss.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Signing key rotation: a key signs for {@code rotation} after it was made, then the next one takes over; a key stays
 * published (JWKS, and accepted) until every token it signed has expired, plus {@code clockSkew}. Replicas read the
 * key table again at most every {@code reload}.
 */
@ConfigurationProperties("cinemaabyss.identity.keys")
public record KeySettings(@DefaultValue("7d") Duration rotation, @DefaultValue("60s") Duration clockSkew,
                          @DefaultValue("30s") Duration reload) {
}
