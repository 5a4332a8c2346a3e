package com.cinemaabyss.discounts;

import com.cinemaabyss.discounts.domain.LoyaltyRates;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code cinemaabyss.discounts.*}: whether to seed the demo plans and code, how long a quote holds, the loyalty rates,
 * and how often a saga step that lost an optimistic race is tried again.
 */
@ConfigurationProperties("cinemaabyss.discounts")
public record DiscountsSettings(boolean seedDemo, @DefaultValue Quotes quotes, @DefaultValue LoyaltyRates loyalty,
                                @DefaultValue Saga saga) {

    public record Quotes(@DefaultValue("15m") Duration ttl) {
        public Quotes {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("cinemaabyss.discounts.quotes.ttl must be positive");
            }
        }
    }

    public record Saga(@DefaultValue("60") int maxAttempts) {
        public Saga {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("cinemaabyss.discounts.saga.max-attempts must be at least 1");
            }
        }
    }
}
