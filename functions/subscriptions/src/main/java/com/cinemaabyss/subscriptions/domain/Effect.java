package com.cinemaabyss.subscriptions.domain;

import java.time.Instant;

/** What a transition announces, besides the legacy view's upsert that every change gets. */
public sealed interface Effect {

    record Activated(long paymentId) implements Effect {
    }

    record StatusChanged(Status from, Status to, Reason reason, Long paymentId) implements Effect {
    }

    /** Charge the next period: {@code renewalOf} is the period_end renewed, the payment's idempotency key with the id. */
    record RenewalRequested(int attempt, Instant renewalOf) implements Effect {
    }

    record RenewalUpcoming(Instant renewsAt) implements Effect {
    }
}
