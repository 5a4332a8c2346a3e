package com.cinemaabyss.notifications.providers;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries of a provider call that failed transiently (Resilience4j Retry, exponential backoff): a few quick attempts
 * within one delivery; past them the failure stays transient and the delivery is answered 503, so the eventing layer's
 * own, slower backoff takes over. Permanent failures are never retried.
 */
public final class ProviderRetry {

    private final Retry retry;

    public ProviderRetry(String name, int maxAttempts, Duration initialInterval, double multiplier) {
        if (maxAttempts < 1 || maxAttempts > 10 || initialInterval.isNegative() || multiplier < 1) {
            throw new IllegalArgumentException("provider retries need 1..10 attempts, a non-negative interval and a multiplier >= 1");
        }
        this.retry = Retry.of(name, RetryConfig.custom().maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Math.max(1, initialInterval.toMillis()), multiplier))
                .retryOnException(e -> e instanceof ProviderFailure f && f.kind() == ProviderFailure.Kind.TRANSIENT)
                .failAfterMaxAttempts(false).build());
    }

    public <T> T call(Supplier<T> call) {
        return Retry.decorateSupplier(retry, call).get();
    }

    /** Attempts made that were retried, for tests and metrics. */
    public long retriedCalls() {
        Retry.Metrics m = retry.getMetrics();
        return m.getNumberOfSuccessfulCallsWithRetryAttempt() + m.getNumberOfFailedCallsWithRetryAttempt();
    }
}
