package com.cinemaabyss.platform;

import java.time.Duration;
import java.util.List;

/**
 * One KafkaSource of knative/eventing: which topics feed which function route, and how delivery is retried.
 * {@code serviceName} is the Knative Service the sink names; {@code path} the route on it.
 */
public record Subscription(String name, List<String> topics, String consumerGroup, String serviceName, String path,
                           int retries, String backoffPolicy, Duration backoffDelay, String deadLetterTopic) {

    /** The wait before retry {@code attempt} (1-based), as Knative computes it. */
    public Duration backoff(int attempt) {
        return "exponential".equals(backoffPolicy)
                ? backoffDelay.multipliedBy(1L << (attempt - 1))
                : backoffDelay.multipliedBy(attempt);
    }
}
