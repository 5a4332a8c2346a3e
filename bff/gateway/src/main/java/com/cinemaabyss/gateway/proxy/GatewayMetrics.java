package com.cinemaabyss.gateway.proxy;

import com.cinemaabyss.gateway.domain.Backend;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Requests per route, backend and status, and fallbacks per reason ({@code gateway_requests_total}, {@code gateway_fallbacks_total}). */
public class GatewayMetrics {

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void request(String route, Backend backend, int status) {
        Counter.builder("gateway.requests")
                .description("Requests the gateway answered, by route, backend and status")
                .tag("route", route).tag("backend", backend.label()).tag("status", Integer.toString(status))
                .register(registry).increment();
    }

    public void fallback(String reason) {
        Counter.builder("gateway.fallbacks")
                .description("Movie reads answered by the monolith because the catalog failed")
                .tag("reason", reason)
                .register(registry).increment();
    }
}
