package com.cinemaabyss.kit.web.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * {@code cinemaabyss.auth.*}: where identity publishes its signing keys and what its access tokens must say. The same
 * values as the gateway's {@code cinemaabyss.gateway.auth.*}; the chart sets both from {@code auth:}.
 */
@ConfigurationProperties("cinemaabyss.auth")
public record CallerSettings(@DefaultValue("http://127.0.0.1:8083/.well-known/jwks.json") URI jwksUrl,
                             @DefaultValue("cinemaabyss-identity") String issuer,
                             @DefaultValue("cinemaabyss-api") String audience,
                             @DefaultValue("30s") Duration clockSkew,
                             @DefaultValue("5m") Duration keysTimeToLive,
                             @DefaultValue("30s") Duration keysMinRefetchInterval,
                             @DefaultValue("2s") Duration keysHttpTimeout) {
}
