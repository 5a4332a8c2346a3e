package com.cinemaabyss.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code cinemaabyss.gateway.rate-limit.*}. Three classes of requests: to {@code authPaths} (per client address, to
 * slow password guessing), authenticated (per user), and anonymous (per client address). {@code exemptPaths} take no
 * token: what calls them is not a client (a payment provider's signed webhooks, all from a few addresses). {@code store} is where the
 * buckets live: in this pod, or in DynamoDB shared by all pods ({@link Shared}).
 */
@ConfigurationProperties("cinemaabyss.gateway.rate-limit")
public record RateLimitSettings(@DefaultValue("true") boolean enabled,
                                @DefaultValue("local") Store store,
                                @DefaultValue("/api/auth/**") List<String> authPaths,
                                List<String> exemptPaths,
                                Limit auth, Limit user, Limit anonymous,
                                @DefaultValue("100000") int maxLocalKeys,
                                @DefaultValue Shared shared) {

    public enum Store { LOCAL, DYNAMODB }

    /** {@code requests} per {@code period}, refilled smoothly. */
    public record Limit(long requests, Duration period) {
        public Limit {
            if (requests < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs requests >= 1 and a positive period");
            }
        }
    }

    /**
     * The DynamoDB store. Each pod may consume up to {@code unsynchronizedFraction} of a limit, for at most
     * {@code maxUnsynchronizedTime}, before it writes to DynamoDB (Bucket4j's delaying optimisation); with a fraction
     * below one request every request is written (concurrent ones batched). After failures of the store the pod
     * uses its own buckets and tries the store again {@code retryAfterFailure} later.
     */
    public record Shared(@DefaultValue("0.05") double unsynchronizedFraction,
                         @DefaultValue("500ms") Duration maxUnsynchronizedTime,
                         @DefaultValue("300ms") Duration callTimeout,
                         @DefaultValue("10s") Duration retryAfterFailure,
                         @DefaultValue("10000") int maxCachedKeys) {
    }

    public RateLimitSettings {
        Objects.requireNonNull(auth, "cinemaabyss.gateway.rate-limit.auth");
        Objects.requireNonNull(user, "cinemaabyss.gateway.rate-limit.user");
        Objects.requireNonNull(anonymous, "cinemaabyss.gateway.rate-limit.anonymous");
        authPaths = authPaths == null ? List.of() : List.copyOf(authPaths);
        exemptPaths = exemptPaths == null ? List.of() : List.copyOf(exemptPaths);
    }
}
