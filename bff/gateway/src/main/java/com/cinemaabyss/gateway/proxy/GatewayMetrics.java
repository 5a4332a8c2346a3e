package com.cinemaabyss.gateway.proxy;

import com.cinemaabyss.gateway.domain.Backend;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/** Requests per route, backend and status, and fallbacks per reason ({@code gateway_requests_total}, {@code gateway_fallbacks_total}). */
public class GatewayMetrics {

    // Meter providers keep the counter of each tag combination, so a request does not build and register one.
    private final Meter.MeterProvider<Counter> requests;
    private final Meter.MeterProvider<Counter> fallbacks;

    public GatewayMetrics(MeterRegistry registry) {
        this.requests = Counter.builder("gateway.requests")
                .description("Requests the gateway answered, by route, backend and status")
                .withRegistry(registry);
        this.fallbacks = Counter.builder("gateway.fallbacks")
                .description("Movie reads answered by the monolith because the catalog failed")
                .withRegistry(registry);
    }

    public void request(String route, Backend backend, int status) {
        requests.withTags("route", route, "backend", backend.label(), "status", Integer.toString(status)).increment();
    }

    public void fallback(String reason) {
        fallbacks.withTags("reason", reason).increment();
    }
}
