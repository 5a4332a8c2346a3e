package com.cinemaabyss.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One request's outcome: through or 429, with the values of draft-ietf-httpapi-ratelimit-headers
 * ({@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset} in seconds until the quota is full
 * again, {@code RateLimit-Policy}) and, when denied, {@code Retry-After} in seconds.
 */
public record RateLimitResult(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds,
                              String policy) {

    /** Rate limiting is off: through, no headers. */
    public static RateLimitResult unlimited() {
        return new RateLimitResult(true, 0, 0, 0, 0, null);
    }

    static RateLimitResult of(LimitClass limitClass, ConsumptionProbe probe) {
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        return new RateLimitResult(probe.isConsumed(), limitClass.limit().requests(), Math.max(0, probe.getRemainingTokens()),
                seconds(probe.getNanosToWaitForReset()), retryAfter, limitClass.policy());
    }

    /** The response headers to add, whether the request went through or not. */
    public Map<String, String> headers() {
        if (policy == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", Long.toString(limit));
        headers.put("RateLimit-Remaining", Long.toString(remaining));
        headers.put("RateLimit-Reset", Long.toString(resetSeconds));
        headers.put("RateLimit-Policy", policy);
        if (!allowed) {
            headers.put("Retry-After", Long.toString(retryAfterSeconds));
        }
        return headers;
    }

    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
