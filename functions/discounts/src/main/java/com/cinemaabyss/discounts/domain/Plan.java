package com.cinemaabyss.discounts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** A subscription plan as clients see it: prices in minor units per currency. */
public record Plan(String id, String name, String period, Map<String, Long> prices,
                   @JsonProperty("trial_days") int trialDays, @JsonProperty("max_profiles") int maxProfiles) {

    public Plan {
        prices = Map.copyOf(prices);
    }

    public boolean pricedIn(String currency) {
        return prices.containsKey(currency);
    }
}
