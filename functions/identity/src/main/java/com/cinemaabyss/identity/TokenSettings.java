package com.cinemaabyss.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long each kind of token works: access tokens (JWT, not revocable, so short), refresh tokens (a session's
 * length without a login), email verification and password reset tokens (single use).
 */
@ConfigurationProperties("cinemaabyss.identity.tokens")
public record TokenSettings(@DefaultValue("15m") Duration accessTtl, @DefaultValue("30d") Duration refreshTtl,
                            @DefaultValue("24h") Duration verificationTtl, @DefaultValue("30m") Duration resetTtl) {
}
