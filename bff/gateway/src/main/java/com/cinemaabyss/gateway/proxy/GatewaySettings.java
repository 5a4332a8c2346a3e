package com.cinemaabyss.gateway.proxy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * The gateway's configuration (application.yaml, {@code cinemaabyss.gateway.*}): where the upstreams are,
 * how long to wait for them, the catalog circuit breaker, and how many
 * proxies in front of the gateway are trusted to report the client's address.
 */
@ConfigurationProperties("cinemaabyss.gateway")
public record GatewaySettings(URI monolithUrl, URI catalogUrl, URI eventsUrl, URI identityUrl,
                              URI discountsUrl, URI paymentsUrl, URI subscriptionsUrl,
                              Duration connectTimeout, Duration upstreamTimeout, Duration catalogTimeout,
                              int trustedProxies, Breaker catalogBreaker) {

    /** Resilience4j settings of the breaker in front of the catalog. */
    public record Breaker(int slidingWindowSize, int minimumNumberOfCalls, float failureRateThreshold,
                          Duration waitInOpenState, int permittedCallsInHalfOpenState) {
    }
}
