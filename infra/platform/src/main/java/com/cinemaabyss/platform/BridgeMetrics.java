package com.cinemaabyss.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One subscription's meters in the eventing bridge, tagged {@code subscription}: what the rules and dashboards read.
 * <ul>
 *   <li>{@code eventing_delivery_seconds{outcome=delivered|parked}}: from the first attempt until the event was done
 *   with, retries and backoff included (a histogram);</li>
 *   <li>{@code eventing_delivery_attempts_total{result=success|retryable|rejected}}: every HTTP attempt;</li>
 *   <li>{@code eventing_dead_letters_total}: events parked in the dead-letter topic;</li>
 *   <li>{@code eventing_consumer_lag_records}: records of the subscription's topics not yet committed by its group;</li>
 *   <li>{@code eventing_worker_running} and {@code eventing_worker_restarts_total}.</li>
 * </ul>
 */
final class BridgeMetrics {

    static final String DELIVERY = "eventing.delivery";
    static final String ATTEMPTS = "eventing.delivery.attempts";
    static final String DEAD_LETTERS = "eventing.dead.letters";
    static final String LAG = "eventing.consumer.lag";
    static final String RUNNING = "eventing.worker.running";
    static final String RESTARTS = "eventing.worker.restarts";

    private final Timer delivered;
    private final Timer parkedTime;
    private final Counter success;
    private final Counter retryable;
    private final Counter rejected;
    private final Counter deadLetters;
    private final Counter restarts;
    /** -1 until the first sample: no series is better than a made-up zero. */
    private final AtomicLong lag = new AtomicLong(-1);

    BridgeMetrics(MeterRegistry registry, String subscription, BooleanSupplier running) {
        this.delivered = delivery(registry, subscription, "delivered");
        this.parkedTime = delivery(registry, subscription, "parked");
        this.success = attempts(registry, subscription, "success");
        this.retryable = attempts(registry, subscription, "retryable");
        this.rejected = attempts(registry, subscription, "rejected");
        this.deadLetters = Counter.builder(DEAD_LETTERS).tag("subscription", subscription)
                .description("Events parked in the dead-letter topic after delivery kept failing").register(registry);
        this.restarts = Counter.builder(RESTARTS).tag("subscription", subscription)
                .description("Times the subscription's worker died and was run again").register(registry);
        Gauge.builder(LAG, lag, value -> value.get() < 0 ? Double.NaN : value.get()).tag("subscription", subscription)
                .baseUnit("records").description("Records of the subscription's topics its consumer group has not committed")
                .register(registry);
        // A gauge holds its object weakly; nothing else holds this lambda, so without a strong reference the series
        // turns NaN at the first garbage collection.
        Gauge.builder(RUNNING, running, r -> r.getAsBoolean() ? 1 : 0).tag("subscription", subscription)
                .strongReference(true)
                .description("1 while the subscription's worker consumes").register(registry);
    }

    private static Timer delivery(MeterRegistry registry, String subscription, String outcome) {
        return Timer.builder(DELIVERY).tags("subscription", subscription, "outcome", outcome)
                .description("From the first delivery attempt until the event was delivered or parked")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
    }

    private static Counter attempts(MeterRegistry registry, String subscription, String result) {
        return Counter.builder(ATTEMPTS).tags("subscription", subscription, "result", result)
                .description("HTTP delivery attempts: success (2xx), retryable (5xx, 404, 408, 409, 429, no answer), rejected")
                .register(registry);
    }

    void attempt(HttpDelivery.Outcome outcome) {
        (outcome.delivered() ? success : outcome.retryable() ? retryable : rejected).increment();
    }

    void delivered(long startedNanos) {
        delivered.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    void parked(long startedNanos) {
        parkedTime.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        deadLetters.increment();
    }

    void restarted() {
        restarts.increment();
    }

    void lag(long records) {
        lag.set(records);
    }
}
