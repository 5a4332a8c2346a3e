package com.cinemaabyss.subscriptions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code cinemaabyss.subscriptions.*}: the id progression shared with the monolith, how early the renewal reminder
 * goes out, the dunning schedule (each retry's delay after the first failed renewal), how long a renewal request
 * waits for its answer before it is sent again, and how much one renewal tick may handle.
 */
@ConfigurationProperties("cinemaabyss.subscriptions")
public record SubscriptionSettings(@DefaultValue("2") long idOffset, @DefaultValue("2") long idStride,
                                   @DefaultValue("3d") Duration upcomingLead,
                                   @DefaultValue({"1d", "3d", "5d"}) List<Duration> retryAfter,
                                   @DefaultValue("1h") Duration answerTimeout,
                                   @DefaultValue Tick tick) {

    /** Per tick: at most {@code batch} due subscriptions from each of the due index's {@code shards}. */
    public record Tick(@DefaultValue("100") int batch, @DefaultValue("4") int shards) {
        public Tick {
            if (batch < 1 || batch > 1_000 || shards < 1 || shards > 64) {
                throw new IllegalArgumentException("cinemaabyss.subscriptions.tick needs batch 1..1000 and shards 1..64");
            }
        }
    }

    public SubscriptionSettings {
        retryAfter = List.copyOf(retryAfter);
        for (int i = 0; i < retryAfter.size(); i++) {
            if (retryAfter.get(i).isNegative() || (i > 0 && retryAfter.get(i).compareTo(retryAfter.get(i - 1)) < 0)) {
                throw new IllegalArgumentException("cinemaabyss.subscriptions.retry-after must be non-negative and ascending: " + retryAfter);
            }
        }
        if (upcomingLead.isNegative() || !answerTimeout.isPositive()) {
            throw new IllegalArgumentException("cinemaabyss.subscriptions: upcoming-lead >= 0 and answer-timeout > 0");
        }
    }
}
