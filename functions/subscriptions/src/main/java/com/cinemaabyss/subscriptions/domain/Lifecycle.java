package com.cinemaabyss.subscriptions.domain;

import com.cinemaabyss.kit.core.ConflictException;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The subscription state machine, without storage: each method takes a subscription and the time, and answers the
 * subscription after the change and what to announce, or nothing when the change does not apply (a duplicate, or a
 * subscription that already moved on). Who calls decides atomicity; this only decides.
 *
 * <pre>
 *  (payment.succeeded checkout) -> active      (payment.succeeded trial) -> trialing
 *  trialing/active --period_end, tick: renewal_requested--> same (awaiting the answer; no access after period_end)
 *  trialing of a plan with no price to charge --period_end--> expired (period_ended)
 *  trialing/active --payment.succeeded renewal-> active (next period)   --payment.failed renewal-> past_due (dunning)
 *  past_due --retry time, tick: renewal_requested; succeeded -> active; failed after the last retry -> canceled
 *  active/trialing --cancel--> same status, cancel_at_period_end; --period_end--> expired
 *  past_due --cancel--> canceled (canceled_by_user)        any live --full refund--> canceled (refunded)
 * </pre>
 */
public final class Lifecycle {

    private final Duration upcomingLead;
    private final List<Duration> retryAfter;
    private final Duration answerTimeout;

    public Lifecycle(Duration upcomingLead, List<Duration> retryAfter, Duration answerTimeout) {
        this.upcomingLead = upcomingLead;
        this.retryAfter = List.copyOf(retryAfter);
        this.answerTimeout = answerTimeout;
    }

    /** A first subscription from a checkout (active for the plan's period) or a trial (trialing for trialDays). */
    public Transition start(long id, long userId, Plan plan, boolean trial, int trialDays, long paymentId, Instant now) {
        Instant end = trial ? now.plus(Duration.ofDays(trialDays)) : plan.period().after(now);
        Subscription started = Subscription.started(id, userId, plan, trial ? Status.TRIALING : Status.ACTIVE, now, end);
        return new Transition(started, List.of(new Effect.Activated(paymentId)));
    }

    /**
     * A checkout or trial payment for a user whose subscription is still live: the plan switches and the time bought is
     * added after what is left (nothing is left of a past_due one, or of a period already over). A checkout makes it
     * active; a trial keeps it as it is, or makes a past_due one trialing.
     */
    public Transition extended(Subscription current, Plan plan, boolean trial, int trialDays, long paymentId, Instant now) {
        if (!current.status().live()) {
            throw new IllegalStateException("subscription " + current.id() + " is " + current.status().wire() + ": start a new one");
        }
        boolean timeLeft = current.status() != Status.PAST_DUE && current.periodEnd().isAfter(now);
        Instant base = timeLeft ? current.periodEnd() : now;
        Instant end = trial ? base.plus(Duration.ofDays(trialDays)) : plan.period().after(base);
        Status status = trial ? (current.status() == Status.PAST_DUE ? Status.TRIALING : current.status()) : Status.ACTIVE;
        Subscription after = current.withPlan(trial ? current.plan() : plan).with(status)
                .withPeriod(timeLeft ? current.periodStart() : now, end).withCancelAtPeriodEnd(false).settled();
        return new Transition(after, List.of(new Effect.Activated(paymentId)));
    }

    /**
     * A renewal payment went through: the next period follows the one renewed (from now, if dunning took longer than a
     * period). Money for a subscription that has ended meanwhile reopens it from now: no money without access.
     */
    public Transition renewed(Subscription current, Plan plan, long paymentId, Instant now) {
        Instant base = current.status().live() ? current.periodEnd() : now;
        Instant end = plan.period().after(base);
        if (!end.isAfter(now)) {
            base = now;
            end = plan.period().after(now);
        }
        Subscription after = current.withPlan(plan).with(Status.ACTIVE).withPeriod(base, end).withCancelAtPeriodEnd(false).settled();
        return new Transition(after, List.of(new Effect.StatusChanged(current.status(), Status.ACTIVE, Reason.RENEWED, paymentId)));
    }

    /**
     * A renewal charge failed. Applies only while a renewal request waits for its answer, so the same failure twice
     * moves nothing. The first failure makes it past_due; each retry's failure schedules the next one, and the failure
     * of the last retry cancels it (dunning_exhausted).
     */
    public Optional<Transition> renewalFailed(Subscription current, long paymentId, Instant now) {
        if (!current.awaitingRenewalAnswer() || !(current.status() == Status.TRIALING || current.status() == Status.ACTIVE
                || current.status() == Status.PAST_DUE)) {
            return Optional.empty();
        }
        Instant since = current.dunningSince() != null ? current.dunningSince() : now;
        int retriesMade = current.renewalAttempt() - 1;
        if (retriesMade >= retryAfter.size()) {
            Subscription after = current.with(Status.CANCELED).settled();
            return Optional.of(new Transition(after, List.of(
                    new Effect.StatusChanged(current.status(), Status.CANCELED, Reason.DUNNING_EXHAUSTED, paymentId))));
        }
        Subscription after = current.with(Status.PAST_DUE).withRenewal(current.renewalAttempt(), null)
                .withDunning(since, since.plus(retryAfter.get(retriesMade)));
        List<Effect> effects = current.status() == Status.PAST_DUE ? List.of()
                : List.of(new Effect.StatusChanged(current.status(), Status.PAST_DUE, Reason.RENEWAL_FAILED, paymentId));
        return Optional.of(new Transition(after, effects));
    }

    /**
     * A refund of a payment of this subscription. Full: canceled at once (access ends now). Partial: the time the payment
     * bought shrinks in proportion to what came back. Nothing for a subscription that has ended.
     */
    public Optional<Transition> refunded(Subscription current, boolean full, long refunded, long paid, Duration bought,
                                         long paymentId, Instant now) {
        if (!current.status().live()) {
            return Optional.empty();
        }
        if (full || paid <= 0 || refunded >= paid) {
            Instant end = current.periodEnd().isAfter(now) ? now : current.periodEnd();
            Subscription after = current.with(Status.CANCELED).withPeriod(current.periodStart(), end).settled();
            return Optional.of(new Transition(after, List.of(
                    new Effect.StatusChanged(current.status(), Status.CANCELED, Reason.REFUNDED, paymentId))));
        }
        long cut = BigInteger.valueOf(bought.toMillis()).multiply(BigInteger.valueOf(refunded))
                .divide(BigInteger.valueOf(paid)).longValueExact();
        Instant end = current.periodEnd().minusMillis(cut);
        if (end.isBefore(current.periodStart())) {
            end = current.periodStart();
        }
        return Optional.of(new Transition(current.withPeriod(current.periodStart(), end), List.of()));
    }

    /** The user cancels: at period end while it gives access; at once when past_due (nothing paid is left). */
    public Transition canceled(Subscription current, Instant now) {
        return switch (current.status()) {
            case TRIALING, ACTIVE -> new Transition(current.withCancelAtPeriodEnd(true), List.of());
            case PAST_DUE -> new Transition(current.with(Status.CANCELED).settled(), List.of(
                    new Effect.StatusChanged(Status.PAST_DUE, Status.CANCELED, Reason.CANCELED_BY_USER, null)));
            case CANCELED, EXPIRED -> throw new ConflictException("subscription " + current.id() + " has already ended ("
                    + current.status().wire() + ")");
        };
    }

    /**
     * What the renewal tick does with a subscription at {@code now}: expire a trial or a canceled-at-period-end one whose
     * period is over, request the renewal of a period that is over (again if its answer is overdue), request a dunning
     * retry that is due, or send the reminder once per period. Nothing when nothing is due.
     */
    public Optional<Transition> tick(Subscription s, Instant now) {
        boolean over = !s.periodEnd().isAfter(now);
        switch (s.status()) {
            case TRIALING, ACTIVE -> {
                if (s.awaitingRenewalAnswer()) {
                    return answerOverdue(s, now) ? Optional.of(requested(s, s.renewalAttempt(), now)) : Optional.empty();
                }
                if (over) {
                    // A trial converts at its end: the plan's list price, charged off-session with the card it checked.
                    return Optional.of(s.cancelAtPeriodEnd() || s.plan().amount() == 0 ? expired(s) : requested(s, 1, now));
                }
                if (!s.cancelAtPeriodEnd() && !s.periodEnd().equals(s.upcomingSentFor()) && !now.isBefore(s.periodEnd().minus(upcomingLead))) {
                    return Optional.of(new Transition(s.withUpcomingSentFor(s.periodEnd()), List.of(new Effect.RenewalUpcoming(s.periodEnd()))));
                }
                return Optional.empty();
            }
            case PAST_DUE -> {
                if (s.awaitingRenewalAnswer()) {
                    return answerOverdue(s, now) ? Optional.of(requested(s, s.renewalAttempt(), now)) : Optional.empty();
                }
                return s.nextRetryAt() != null && !now.isBefore(s.nextRetryAt())
                        ? Optional.of(requested(s, s.renewalAttempt() + 1, now)) : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** When the tick next has something to do with it; empty once it has ended (it then leaves the due index). */
    public Optional<Instant> dueAt(Subscription s) {
        return switch (s.status()) {
            case TRIALING, ACTIVE -> {
                if (s.awaitingRenewalAnswer()) {
                    yield Optional.of(s.renewalRequestedAt().plus(answerTimeout));
                }
                boolean remind = !s.cancelAtPeriodEnd() && !s.periodEnd().equals(s.upcomingSentFor());
                yield Optional.of(remind ? s.periodEnd().minus(upcomingLead) : s.periodEnd());
            }
            case PAST_DUE -> Optional.ofNullable(s.awaitingRenewalAnswer() ? s.renewalRequestedAt().plus(answerTimeout) : s.nextRetryAt());
            case CANCELED, EXPIRED -> Optional.empty();
        };
    }

    private boolean answerOverdue(Subscription s, Instant now) {
        return !now.isBefore(s.renewalRequestedAt().plus(answerTimeout));
    }

    private static Transition requested(Subscription s, int attempt, Instant now) {
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.RenewalRequested(attempt, s.periodEnd()));
        return new Transition(s.withRenewal(attempt, now), effects);
    }

    private static Transition expired(Subscription s) {
        return new Transition(s.with(Status.EXPIRED).settled(), List.of(
                new Effect.StatusChanged(s.status(), Status.EXPIRED, Reason.PERIOD_ENDED, null)));
    }
}
