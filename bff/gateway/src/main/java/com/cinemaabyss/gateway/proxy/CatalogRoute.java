package com.cinemaabyss.gateway.proxy;

import com.cinemaabyss.gateway.domain.Backend;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.util.function.Supplier;

/**
 * Calls to the catalog, behind a circuit breaker. A read that fails there (error, timeout, 5xx, or
 * the breaker open) is answered by the monolith, which holds the same movies, and counted. A write is never
 * sent elsewhere: it may have been applied, and the client should decide whether to repeat it. So a write
 * the breaker keeps off, or one that could not reach the catalog, is a 503 (504 on a timeout), and a
 * 5xx the catalog gave to a write is passed back as it is. The legacy unpaged list is the one read that is not
 * repeated on the monolith after a timeout: it is a full scan, and running a scan that was too slow once again on
 * the other side would turn one slow request into two (a 504 instead).
 */
public class CatalogRoute {

    private final CircuitBreaker breaker;
    private final GatewayMetrics metrics;

    public CatalogRoute(CircuitBreaker breaker, GatewayMetrics metrics) {
        this.breaker = breaker;
        this.metrics = metrics;
    }

    public RouteDecision call(IncomingRequest request, Supplier<UpstreamResponse> movies, Supplier<UpstreamResponse> monolith) {
        try {
            return RouteDecision.answered(Backend.CATALOG, breaker.executeSupplier(() -> failOn5xx(movies.get())));
        } catch (CallNotPermittedException open) {
            if (!request.isRead()) {
                throw new BackendUnavailableException(Backend.CATALOG, 503,
                        "catalog unavailable (circuit breaker open); the request was not sent", open);
            }
            return fallBack("circuit_open", monolith);
        } catch (UpstreamFailure failure) {
            if (request.isRead() && !("timeout".equals(failure.reason()) && isUnpagedList(request))) {
                return fallBack(failure.reason(), monolith);
            }
            if (failure.response() != null) {
                return RouteDecision.answered(Backend.CATALOG, failure.response());
            }
            throw BackendUnavailableException.of(Backend.CATALOG, failure);
        }
    }

    /** GET /api/movies with neither an id nor paging: the legacy list of every movie. */
    static boolean isUnpagedList(IncomingRequest request) {
        String path = request.rawPath();
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        String query = request.rawQuery() == null ? "" : "&" + request.rawQuery();
        return path.substring(0, end).equals("/api/movies")
                && !query.contains("&id=") && !query.contains("&limit=") && !query.contains("&cursor=");
    }

    private RouteDecision fallBack(String reason, Supplier<UpstreamResponse> monolith) {
        metrics.fallback(reason);
        return RouteDecision.fallback(monolith.get());
    }

    private static UpstreamResponse failOn5xx(UpstreamResponse response) {
        if (response.status() >= 500) {
            throw new UpstreamFailure("status_5xx", "catalog answered " + response.status(), response, null);
        }
        return response;
    }
}
