package com.cinemaabyss.monolith.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Data of {@code com.cinemaabyss.subscriptions.subscription.upserted.v1}: a subscription of the subscriptions function. */
public record SubscriptionChange(@JsonProperty("subscription_id") long subscriptionId, @JsonProperty("user_id") long userId,
                                 @JsonProperty("plan_id") String planId, String status,
                                 @JsonProperty("period_start") String periodStart, @JsonProperty("period_end") String periodEnd) {
}
