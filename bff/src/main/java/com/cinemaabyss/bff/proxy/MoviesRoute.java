package com.cinemaabyss.bff.proxy;

import com.cinemaabyss.bff.domain.Backend;
import com.cinemaabyss.kit.web.UnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.util.function.Supplier;

/**
 * Calls to the movies service, behind a circuit breaker. A read that fails there (error, timeout, 5xx, or
 * the breaker open) is answered by the monolith, which holds the same movies, and counted. A write that
 * was not attempted because the breaker is open goes to the monolith too (both sides accept movies); a
 * write that failed in flight is not repeated elsewhere, since it may have been applied.
 */
public class MoviesRoute {

    private final CircuitBreaker breaker;
    private final GatewayMetrics metrics;

    public MoviesRoute(CircuitBreaker breaker, GatewayMetrics metrics) {
        this.breaker = breaker;
        this.metrics = metrics;
    }

    public Routed call(IncomingRequest request, Supplier<UpstreamResponse> movies, Supplier<UpstreamResponse> monolith) {
        try {
            return new Routed(Backend.MOVIES, breaker.executeSupplier(() -> failOn5xx(movies.get())), false);
        } catch (CallNotPermittedException open) {
            if (request.isRead()) {
                metrics.fallback("circuit_open");
            }
            return new Routed(Backend.MONOLITH, monolith.get(), request.isRead());
        } catch (UpstreamFailure failure) {
            if (!request.isRead()) {
                if (failure.response() != null) {
                    return new Routed(Backend.MOVIES, failure.response(), false);
                }
                throw new UnavailableException("movies service failed: " + failure.getMessage(), failure);
            }
            metrics.fallback(failure.reason());
            return new Routed(Backend.MONOLITH, monolith.get(), true);
        }
    }

    private static UpstreamResponse failOn5xx(UpstreamResponse response) {
        if (response.status() >= 500) {
            throw new UpstreamFailure("status_5xx", "movies service answered " + response.status(), response, null);
        }
        return response;
    }

    /** The answer, which backend gave it, and whether it is a fallback. */
    public record Routed(Backend backend, UpstreamResponse response, boolean fallback) {
    }
}
