package com.cinemaabyss.subscriptions.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** A subscription as its owner sees it. */
public record SubscriptionView(long id, @JsonProperty("plan_id") String planId, String period, Status status,
                               @JsonProperty("period_start") Instant periodStart, @JsonProperty("period_end") Instant periodEnd,
                               @JsonProperty("cancel_at_period_end") boolean cancelAtPeriodEnd,
                               @JsonProperty("max_profiles") int maxProfiles, long amount, String currency) {

    public static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id(), s.plan().planId(), s.plan().period().wire(), s.status(), s.periodStart(), s.periodEnd(),
                s.cancelAtPeriodEnd(), s.plan().maxProfiles(), s.plan().amount(), s.plan().currency());
    }
}
