package com.cinemaabyss.payments.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Data of subscriptions' subscription.renewal_requested.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RenewalRequested(@JsonProperty("subscription_id") long subscriptionId, @JsonProperty("user_id") long userId,
                               @JsonProperty("plan_id") String planId, String period, @JsonProperty("max_profiles") int maxProfiles,
                               long amount, String currency, int attempt, @JsonProperty("renewal_of") String renewalOf) {
}
