package com.cinemaabyss.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * A class of requests sharing one limit, with the Bucket4j configuration of its buckets. {@code version} changes with
 * the limit, so buckets stored under an older limit are reconfigured instead of kept.
 */
public record LimitClass(String name, RateLimitSettings.Limit limit, long unsynchronizedRequests) {

    public Bandwidth bandwidth() {
        return Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()).build();
    }

    public BucketConfiguration configuration() {
        return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }

    public long version() {
        return Math.abs((long) (31 * Long.hashCode(limit.requests()) + limit.period().hashCode())) + 1;
    }

    /** {@code RateLimit-Policy}: the quota and its window in seconds. */
    public String policy() {
        return limit.requests() + ";w=" + Math.max(1, limit.period().toSeconds());
    }
}
