package com.cinemaabyss.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * The shared store, and this pod's own buckets when the shared store fails. A rate limiter that cannot reach its
 * store must not take the gateway down with it, nor let everything through: each pod then limits on its own (so a
 * client spread over n pods gets up to n times its limit) until the store answers again. A circuit breaker keeps
 * requests from waiting on a store that is down: after failures the pod stays local for {@code retryAfterFailure}.
 * Fallbacks are counted ({@link #fallbacks()}) and each change of the breaker is logged.
 */
public final class FallbackBucketStore implements BucketStore {

    private static final Logger log = LoggerFactory.getLogger(FallbackBucketStore.class);

    private final BucketStore shared;
    private final BucketStore local;
    private final CircuitBreaker breaker;
    private final LongAdder fallbacks = new LongAdder();

    public FallbackBucketStore(BucketStore shared, BucketStore local, Duration retryAfterFailure) {
        this.shared = shared;
        this.local = local;
        this.breaker = CircuitBreaker.of("rate-limit-store", CircuitBreakerConfig.custom()
                .slidingWindowSize(20).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(retryAfterFailure).permittedNumberOfCallsInHalfOpenState(2)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> log.warn(
                "Shared rate-limit store: breaker {}; while it is not CLOSED each pod limits with its own buckets",
                event.getStateTransition()));
        breaker.getEventPublisher().onError(event -> log.debug("Shared rate-limit store failed", event.getThrowable()));
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, LimitClass limitClass) {
        return breaker.executeCompletionStage(() -> shared.tryConsume(key, limitClass)).toCompletableFuture()
                .exceptionallyCompose(error -> {
                    if (fallbacks.sum() == 0) {
                        log.warn("Shared rate-limit store unavailable, limiting with this pod's buckets: {}", error.toString());
                    }
                    fallbacks.increment();
                    return local.tryConsume(key, limitClass);
                });
    }

    /** How many requests were limited with this pod's buckets because the shared store failed or was skipped. */
    public long fallbacks() {
        return fallbacks.sum();
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }
}
