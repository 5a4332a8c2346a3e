package com.cinemaabyss.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who identity's access tokens are from ({@code issuer}, the {@code iss} claim) and for ({@code audience}, {@code aud}),
 * and whether a bare {@code X-User-Id} header (the gateway's, after it verified the token) is believed when a request
 * carries no token ({@code trustGatewayUserHeader}; off unless only the gateway can reach identity: see the README).
 */
@ConfigurationProperties("cinemaabyss.identity")
public record IdentitySettings(@DefaultValue("cinemaabyss-identity") String issuer, @DefaultValue("cinemaabyss-api") String audience,
                               @DefaultValue("false") boolean trustGatewayUserHeader) {
}
