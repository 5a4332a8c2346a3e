package com.cinemaabyss.gateway.proxy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The gateway's configuration (application.yaml, {@code cinemaabyss.gateway.*}): where the upstreams are,
 * how long to wait for them, the catalog circuit breaker, how many proxies in front of the gateway are trusted to
 * report the client's address, and how the viewer's country is found.
 */
@ConfigurationProperties("cinemaabyss.gateway")
public record GatewaySettings(URI monolithUrl, URI catalogUrl, URI eventsUrl, URI identityUrl,
                              URI discountsUrl, URI paymentsUrl, URI subscriptionsUrl, URI contentUrl, URI profileUrl, URI recommendationsUrl,
                              URI webBffUrl, URI mobileBffUrl,
                              Duration connectTimeout, Duration upstreamTimeout, Duration catalogTimeout,
                              int trustedProxies, ClientCountry clientCountry, Breaker catalogBreaker) {

    /** Where {@code X-Client-Country} comes from: see {@link ClientCountries}. */
    public record ClientCountry(String defaultCountry, String trustedHeader, List<String> ranges) {
    }

    /** Resilience4j settings of the breaker in front of the catalog. */
    public record Breaker(int slidingWindowSize, int minimumNumberOfCalls, float failureRateThreshold,
                          Duration waitInOpenState, int permittedCallsInHalfOpenState) {
    }
}
