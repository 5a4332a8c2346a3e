package com.cinemaabyss.subscriptions.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** What playback checks: whether the user may watch, on which plan, until when, with how many profiles. */
public record Entitlement(boolean active, @JsonProperty("plan_id") String planId, Instant until,
                          @JsonProperty("max_profiles") int maxProfiles) {

    public static final Entitlement NONE = new Entitlement(false, null, null, 0);

    /** Active only while trialing or active and the period not over; otherwise the plan and date it had. */
    public static Entitlement of(String planId, Status status, Instant until, int maxProfiles, Instant now) {
        boolean active = status.grantsAccess() && until.isAfter(now);
        return new Entitlement(active, planId, until, active ? maxProfiles : 0);
    }
}
