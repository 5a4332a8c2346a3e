package com.cinemaabyss.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

/** Rate-limit settings for tests. */
final class Limits {

    private Limits() {
    }

    static RateLimitSettings settings(RateLimitSettings.Store store, long auth, long user, long anonymous, double unsynchronized) {
        Duration minute = Duration.ofMinutes(1);
        return new RateLimitSettings(true, store, List.of("/api/auth/**"), List.of("/api/v1/payments/webhooks/**"),
                new RateLimitSettings.Limit(auth, minute), new RateLimitSettings.Limit(user, minute),
                new RateLimitSettings.Limit(anonymous, minute), 1000,
                new RateLimitSettings.Shared(unsynchronized, Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(10), 1000));
    }
}
