package com.cinemaabyss.platform;

import java.time.Duration;
import java.util.List;

/**
 * One KafkaSource of knative/eventing: which topics feed which function route, and how delivery is retried.
 * {@code serviceName} is the Knative Service the sink names; {@code path} the route on it; {@code deadLetterTopic}
 * the topic of the KafkaSink named as dead-letter sink.
 */
public record Subscription(String name, List<String> topics, String consumerGroup, String serviceName, String path,
                           int retries, String backoffPolicy, Duration backoffDelay, String deadLetterTopic) {

    public Subscription {
        topics = List.copyOf(topics);
    }

    /**
     * The wait before retry {@code retry} (1-based), as Knative's Kafka dispatcher computes it:
     * exponential is delay * 2^retry (so 0.4 s, 0.8 s, ... from PT0.2S), linear is delay * retry.
     */
    public Duration backoff(int retry) {
        return "linear".equals(backoffPolicy)
                ? backoffDelay.multipliedBy(retry)
                : backoffDelay.multipliedBy(1L << Math.min(retry, 30));
    }
}
