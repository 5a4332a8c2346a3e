package com.cinemaabyss.gateway.proxy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the proxy: the HTTP client, the body limit, the movies circuit breaker with its metrics, and the migration state. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GatewaySettings.class, InitialMigration.class, HttpSettings.class})
public class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Bean
    ForwardedHeaders forwardedHeaders(GatewaySettings settings) {
        GatewaySettings.ClientCountry country = settings.clientCountry();
        return new ForwardedHeaders(settings.trustedProxies(),
                new ClientCountries(country.defaultCountry(), country.trustedHeader(), country.ranges()));
    }

    @Bean
    HttpForwarder httpForwarder(GatewaySettings settings, ForwardedHeaders forwarded) {
        return new HttpForwarder(settings.connectTimeout(), forwarded);
    }

    @Bean
    BodyLimit bodyLimit(HttpSettings settings) {
        return new BodyLimit(settings.maxBodyBytes());
    }

    @Bean
    GatewayMetrics gatewayMetrics(MeterRegistry registry) {
        return new GatewayMetrics(registry);
    }

    @Bean
    CatalogRoute catalogRoute(GatewaySettings settings, GatewayMetrics metrics, MeterRegistry meters) {
        GatewaySettings.Breaker b = settings.catalogBreaker();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(b.slidingWindowSize())
                .minimumNumberOfCalls(b.minimumNumberOfCalls())
                .failureRateThreshold(b.failureRateThreshold())
                .waitDurationInOpenState(b.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(b.permittedCallsInHalfOpenState())
                .recordExceptions(UpstreamFailure.class)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        CircuitBreaker breaker = breakers.circuitBreaker("catalog");
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("Catalog circuit breaker: {}", event.getStateTransition()));
        return new CatalogRoute(breaker, metrics);
    }

    @Bean
    MigrationState migrationState(InitialMigration initial, MeterRegistry registry) {
        return new MigrationState(initial.settings(), registry);
    }
}
