package com.cinemaabyss.gateway.proxy;

import com.cinemaabyss.gateway.domain.Backend;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calls to the catalog, behind a circuit breaker. A read that fails there (error, timeout, 5xx, or
 * the breaker open) is answered by the monolith, which holds the same movies, and counted. A write is never
 * sent elsewhere: it may have been applied, and the client should decide whether to repeat it. So a write
 * the breaker keeps off, or one that could not reach the catalog, is a 503 (504 on a timeout), and a
 * 5xx the catalog gave to a write is passed back as it is. The legacy unpaged list is the one read that is not
 * repeated on the monolith after a timeout: it is a full scan, and running a scan that was too slow once again on
 * the other side would turn one slow request into two (a 504 instead).
 * <p>
 * The breaker is told the outcome when the catalog's status line arrives (or the call fails before it), without
 * blocking: a permission is taken before the call and given back if the client leaves before the outcome is known.
 */
public class CatalogRoute {

    private final CircuitBreaker breaker;
    private final GatewayMetrics metrics;

    public CatalogRoute(CircuitBreaker breaker, GatewayMetrics metrics) {
        this.breaker = breaker;
        this.metrics = metrics;
    }

    /**
     * @param catalog  the request on its way to the catalog
     * @param answer   passes the catalog's answer to the client
     * @param monolith sends the same request to the monolith and passes its answer on, marked as a fallback
     */
    public Mono<Void> call(IncomingRequest request, UpstreamCall catalog, Function<UpstreamResponse, Mono<Void>> answer,
                           Supplier<Mono<Void>> monolith) {
        return Mono.defer(() -> {
            if (!breaker.tryAcquirePermission()) {
                if (!request.isRead()) {
                    return Mono.error(new BackendUnavailableException(Backend.CATALOG, 503,
                            "catalog unavailable (circuit breaker open); the request was not sent", null));
                }
                return fallBack("circuit_open", monolith);
            }
            Outcome outcome = new Outcome(breaker);
            return catalog.send(response -> {
                        if (response.status() < 500) {
                            outcome.succeeded();
                            return answer.apply(response);
                        }
                        UpstreamFailure failure = new UpstreamFailure("status_5xx", "catalog answered " + response.status(), null);
                        outcome.failed(failure);
                        return request.isRead() ? Mono.error(failure) : answer.apply(response);
                    })
                    .onErrorResume(UpstreamFailure.class, failure -> {
                        outcome.failed(failure);
                        if (request.isRead() && !("timeout".equals(failure.reason()) && isUnpagedList(request))) {
                            return fallBack(failure.reason(), monolith);
                        }
                        return Mono.error(BackendUnavailableException.of(Backend.CATALOG, failure));
                    })
                    .doOnCancel(outcome::abandoned);
        });
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

    private Mono<Void> fallBack(String reason, Supplier<Mono<Void>> monolith) {
        metrics.fallback(reason);
        return monolith.get();
    }

    /** What the breaker is told about one permitted call: exactly one of success, failure or "never finished". */
    private static final class Outcome {
        private final CircuitBreaker breaker;
        private final long start;
        private final AtomicBoolean told = new AtomicBoolean();

        Outcome(CircuitBreaker breaker) {
            this.breaker = breaker;
            this.start = breaker.getCurrentTimestamp();
        }

        void succeeded() {
            if (told.compareAndSet(false, true)) {
                breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
            }
        }

        void failed(Throwable failure) {
            if (told.compareAndSet(false, true)) {
                breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), failure);
            }
        }

        void abandoned() {
            if (told.compareAndSet(false, true)) {
                breaker.releasePermission();
            }
        }
    }
}
