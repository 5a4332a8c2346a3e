package com.cinemaabyss.subscriptions.domain;

import java.time.Instant;

/**
 * One subscription as stored. Besides the status and the current period it keeps what the renewal tick needs to act
 * once: {@code upcomingSentFor} (the period_end whose reminder went out), {@code renewalAttempt} (1 for the renewal of
 * period_end, 2 and up for dunning retries), {@code renewalRequestedAt} (set while a renewal request waits for its
 * answer), {@code dunningSince} and {@code nextRetryAt} (past_due). {@code version} guards every write.
 */
public record Subscription(long id, long userId, Plan plan, Status status, Instant periodStart, Instant periodEnd,
                           boolean cancelAtPeriodEnd, Instant upcomingSentFor, int renewalAttempt, Instant renewalRequestedAt,
                           Instant dunningSince, Instant nextRetryAt, long version) {

    public static Subscription started(long id, long userId, Plan plan, Status status, Instant start, Instant end) {
        return new Subscription(id, userId, plan, status, start, end, false, null, 0, null, null, null, 0);
    }

    /** Whether it gives access at {@code now}: trialing or active, and the period not over. */
    public boolean grantsAccessAt(Instant now) {
        return status.grantsAccess() && periodEnd.isAfter(now);
    }

    public boolean awaitingRenewalAnswer() {
        return renewalRequestedAt != null;
    }

    Subscription with(Status status) {
        return new Subscription(id, userId, plan, status, periodStart, periodEnd, cancelAtPeriodEnd, upcomingSentFor,
                renewalAttempt, renewalRequestedAt, dunningSince, nextRetryAt, version);
    }

    Subscription withPeriod(Instant start, Instant end) {
        return new Subscription(id, userId, plan, status, start, end, cancelAtPeriodEnd, upcomingSentFor,
                renewalAttempt, renewalRequestedAt, dunningSince, nextRetryAt, version);
    }

    Subscription withPlan(Plan plan) {
        return new Subscription(id, userId, plan, status, periodStart, periodEnd, cancelAtPeriodEnd, upcomingSentFor,
                renewalAttempt, renewalRequestedAt, dunningSince, nextRetryAt, version);
    }

    Subscription withCancelAtPeriodEnd(boolean cancel) {
        return new Subscription(id, userId, plan, status, periodStart, periodEnd, cancel, upcomingSentFor,
                renewalAttempt, renewalRequestedAt, dunningSince, nextRetryAt, version);
    }

    Subscription withUpcomingSentFor(Instant periodEnd) {
        return new Subscription(id, userId, plan, status, periodStart, this.periodEnd, cancelAtPeriodEnd, periodEnd,
                renewalAttempt, renewalRequestedAt, dunningSince, nextRetryAt, version);
    }

    Subscription withRenewal(int attempt, Instant requestedAt) {
        return new Subscription(id, userId, plan, status, periodStart, periodEnd, cancelAtPeriodEnd, upcomingSentFor,
                attempt, requestedAt, dunningSince, nextRetryAt, version);
    }

    Subscription withDunning(Instant since, Instant nextRetryAt) {
        return new Subscription(id, userId, plan, status, periodStart, periodEnd, cancelAtPeriodEnd, upcomingSentFor,
                renewalAttempt, renewalRequestedAt, since, nextRetryAt, version);
    }

    /** Nothing owed any more: no renewal waiting, no dunning. */
    Subscription settled() {
        return new Subscription(id, userId, plan, status, periodStart, periodEnd, cancelAtPeriodEnd, upcomingSentFor,
                0, null, null, null, version);
    }
}
