package com.cinemaabyss.recommendations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * {@code cinemaabyss.recommendations.*}: the engine (where, how long a call may take, its circuit breaker, how
 * interactions are forwarded), the whole answer's budget, and the fallback's knobs.
 */
@ConfigurationProperties("cinemaabyss.recommendations")
public record RecommendationsSettings(Engine engine, @DefaultValue("800ms") Duration budget,
                                      @DefaultValue("300") int fallbackCandidates, @DefaultValue("3") int favouriteGenres,
                                      @DefaultValue("14d") Duration popularityHalfLife, @DefaultValue("7d") Duration ledgerTtl,
                                      @DefaultValue("5s") Duration popularRefresh) {

    public record Engine(URI url, @DefaultValue("300ms") Duration timeout, @DefaultValue Breaker breaker,
                         @DefaultValue("200") int batchSize, @DefaultValue("200ms") Duration flushEvery,
                         @DefaultValue("10000") int queueSize) {
        public Engine {
            if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("cinemaabyss.recommendations.engine.url must be an http(s) URL, got " + url);
            }
            if (!timeout.isPositive() || !flushEvery.isPositive()) {
                throw new IllegalArgumentException("cinemaabyss.recommendations.engine.timeout and flush-every must be positive");
            }
            if (batchSize < 1 || batchSize > 1_000 || queueSize < 1 || queueSize > 1_000_000) {
                throw new IllegalArgumentException("cinemaabyss.recommendations.engine.batch-size must be 1..1000 (the engine's batch limit), queue-size 1..1000000");
            }
        }
    }

    public record Breaker(@DefaultValue("20") int windowSize, @DefaultValue("5") int minimumCalls,
                          @DefaultValue("50") int failureRatePercent, @DefaultValue("10s") Duration openFor,
                          @DefaultValue("3") int halfOpenCalls) {
        public Breaker {
            if (windowSize < 1 || minimumCalls < 1 || failureRatePercent < 1 || failureRatePercent > 100 || !openFor.isPositive()
                    || halfOpenCalls < 1) {
                throw new IllegalArgumentException("cinemaabyss.recommendations.engine.breaker: sizes and open-for must be positive, the rate 1..100");
            }
        }
    }

    public RecommendationsSettings {
        if (engine == null) {
            throw new IllegalArgumentException("cinemaabyss.recommendations.engine.url is required");
        }
        if (!budget.isPositive() || budget.compareTo(engine.timeout()) < 0) {
            throw new IllegalArgumentException("cinemaabyss.recommendations.budget must be at least the engine's timeout");
        }
        if (fallbackCandidates < 1 || fallbackCandidates > 1_000 || favouriteGenres < 1 || favouriteGenres > 10) {
            throw new IllegalArgumentException("cinemaabyss.recommendations.fallback-candidates must be 1..1000, favourite-genres 1..10");
        }
        if (popularRefresh.isNegative()) {
            throw new IllegalArgumentException("cinemaabyss.recommendations.popular-refresh must not be negative");
        }
        if (!popularityHalfLife.isPositive() || !ledgerTtl.isPositive()) {
            throw new IllegalArgumentException("cinemaabyss.recommendations.popularity-half-life and ledger-ttl must be positive");
        }
    }
}
