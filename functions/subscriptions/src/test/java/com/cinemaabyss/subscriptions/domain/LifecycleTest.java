package com.cinemaabyss.subscriptions.domain;

import com.cinemaabyss.kit.core.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every transition of the state machine, and the changes it refuses. */
class LifecycleTest {

    private static final Instant T0 = Instant.parse("2026-01-31T10:00:00Z");
    private static final Plan BASIC = new Plan("basic", Period.MONTH, 2, 999, "EUR");
    private static final Plan PREMIUM = new Plan("premium", Period.YEAR, 5, 9_990, "EUR");
    private static final Duration DAY = Duration.ofDays(1);

    private final Lifecycle lifecycle = new Lifecycle(Duration.ofDays(3), List.of(DAY, Duration.ofDays(3), Duration.ofDays(5)), Duration.ofHours(1));

    private Subscription active() {
        return lifecycle.start(2, 7, BASIC, false, 0, 100, T0).after();
    }

    @Test
    void aCheckoutStartsActiveForACalendarMonthAndATrialTrialingForItsDays() {
        Transition checkout = lifecycle.start(2, 7, BASIC, false, 0, 100, T0);
        assertEquals(Status.ACTIVE, checkout.after().status());
        assertEquals(Instant.parse("2026-02-28T10:00:00Z"), checkout.after().periodEnd(), "31 January plus a month");
        assertEquals(List.of(new Effect.Activated(100)), checkout.effects());
        Transition trial = lifecycle.start(4, 7, BASIC, true, 14, 101, T0);
        assertEquals(Status.TRIALING, trial.after().status());
        assertEquals(T0.plus(Duration.ofDays(14)), trial.after().periodEnd());
        assertTrue(trial.after().grantsAccessAt(T0));
        assertFalse(trial.after().grantsAccessAt(T0.plus(Duration.ofDays(14))));
    }

    @Test
    void aSecondCheckoutExtendsFromTheEndAndSwitchesThePlan() {
        Subscription s = active();
        Transition t = lifecycle.extended(s, PREMIUM, false, 0, 102, T0.plus(DAY));
        assertEquals("premium", t.after().plan().planId());
        assertEquals(Instant.parse("2027-02-28T10:00:00Z"), t.after().periodEnd(), "a year after the month already paid");
        assertEquals(s.periodStart(), t.after().periodStart());
        Transition afterTrial = lifecycle.extended(lifecycle.start(4, 7, BASIC, true, 14, 1, T0).after(), BASIC, false, 0, 2, T0);
        assertEquals(Status.ACTIVE, afterTrial.after().status(), "a checkout during a trial makes it active");
        assertEquals(Instant.parse("2026-03-14T10:00:00Z"), afterTrial.after().periodEnd(), "paid from the trial's end");
        assertThrows(IllegalStateException.class, () -> lifecycle.extended(expired(), BASIC, false, 0, 3, T0));
    }

    @Test
    void theTickRemindsOnceThreeDaysBeforeThenRequestsTheRenewalOnce() {
        Subscription s = active();
        assertEquals(Optional.empty(), lifecycle.tick(s, s.periodEnd().minus(Duration.ofDays(4))));
        assertEquals(Optional.of(s.periodEnd().minus(Duration.ofDays(3))), lifecycle.dueAt(s));
        Transition remind = lifecycle.tick(s, s.periodEnd().minus(Duration.ofDays(2))).orElseThrow();
        assertEquals(List.of(new Effect.RenewalUpcoming(s.periodEnd())), remind.effects());
        assertEquals(Optional.empty(), lifecycle.tick(remind.after(), s.periodEnd().minus(DAY)), "once per period");
        assertEquals(Optional.of(s.periodEnd()), lifecycle.dueAt(remind.after()));
        Transition renew = lifecycle.tick(remind.after(), s.periodEnd()).orElseThrow();
        assertEquals(List.of(new Effect.RenewalRequested(1, s.periodEnd())), renew.effects());
        assertEquals(Status.ACTIVE, renew.after().status());
        assertFalse(renew.after().grantsAccessAt(s.periodEnd()), "no access past period_end until the money is there");
        assertEquals(Optional.empty(), lifecycle.tick(renew.after(), s.periodEnd().plusSeconds(60)), "requested once");
        Transition again = lifecycle.tick(renew.after(), s.periodEnd().plus(Duration.ofHours(1))).orElseThrow();
        assertEquals(List.of(new Effect.RenewalRequested(1, s.periodEnd())), again.effects(), "an unanswered request is repeated, same key");
    }

    @Test
    void aRenewalPaymentStartsTheNextPeriodWhereTheLastEnded() {
        Subscription requested = lifecycle.tick(active(), active().periodEnd()).orElseThrow().after();
        Transition t = lifecycle.renewed(requested, BASIC, 200, requested.periodEnd().plusSeconds(30));
        assertEquals(requested.periodEnd(), t.after().periodStart());
        assertEquals(Instant.parse("2026-03-28T10:00:00Z"), t.after().periodEnd());
        assertEquals(List.of(new Effect.StatusChanged(Status.ACTIVE, Status.ACTIVE, Reason.RENEWED, 200L)), t.effects());
        assertFalse(t.after().awaitingRenewalAnswer());
        Instant late = T0.plus(Duration.ofDays(400));
        Transition reopened = lifecycle.renewed(expired(), BASIC, 201, late);
        assertEquals(Status.ACTIVE, reopened.after().status(), "money for an ended subscription still buys access");
        assertEquals(late, reopened.after().periodStart());
    }

    @Test
    void failedRenewalsRunDunningAfterOneThreeAndFiveDaysThenCancel() {
        Subscription s = active();
        Instant end = s.periodEnd();
        Subscription requested = lifecycle.tick(s, end).orElseThrow().after();
        Transition pastDue = lifecycle.renewalFailed(requested, 300, end).orElseThrow();
        assertEquals(Status.PAST_DUE, pastDue.after().status());
        assertEquals(List.of(new Effect.StatusChanged(Status.ACTIVE, Status.PAST_DUE, Reason.RENEWAL_FAILED, 300L)), pastDue.effects());
        assertEquals(Optional.empty(), lifecycle.renewalFailed(pastDue.after(), 300, end), "the same failure twice moves nothing");
        Subscription current = pastDue.after();
        for (int retry = 1; retry <= 3; retry++) {
            Instant at = end.plus(List.of(DAY, Duration.ofDays(3), Duration.ofDays(5)).get(retry - 1));
            assertEquals(Optional.of(at), lifecycle.dueAt(current));
            assertEquals(Optional.empty(), lifecycle.tick(current, at.minusSeconds(1)));
            Transition retried = lifecycle.tick(current, at).orElseThrow();
            assertEquals(List.of(new Effect.RenewalRequested(retry + 1, end)), retried.effects(), "retry " + retry + " renews the same period");
            Transition failed = lifecycle.renewalFailed(retried.after(), 300 + retry, at).orElseThrow();
            current = failed.after();
            if (retry < 3) {
                assertEquals(Status.PAST_DUE, current.status());
                assertEquals(List.of(), failed.effects());
            } else {
                assertEquals(Status.CANCELED, current.status());
                assertEquals(List.of(new Effect.StatusChanged(Status.PAST_DUE, Status.CANCELED, Reason.DUNNING_EXHAUSTED, 303L)), failed.effects());
                assertEquals(Optional.empty(), lifecycle.dueAt(current), "an ended subscription leaves the due index");
            }
        }
        Subscription retryRequested = lifecycle.tick(pastDue.after(), end.plus(DAY)).orElseThrow().after();
        Transition rescued = lifecycle.renewed(retryRequested, BASIC, 400, end.plus(DAY));
        assertEquals(Status.ACTIVE, rescued.after().status());
        assertEquals(end, rescued.after().periodStart(), "the renewed period is the one that was owed");
        assertEquals(List.of(new Effect.StatusChanged(Status.PAST_DUE, Status.ACTIVE, Reason.RENEWED, 400L)), rescued.effects());
    }

    @Test
    void cancelKeepsAccessUntilPeriodEndThenExpires() {
        Subscription s = active();
        Transition cancel = lifecycle.canceled(s, T0.plus(DAY));
        assertEquals(Status.ACTIVE, cancel.after().status());
        assertTrue(cancel.after().cancelAtPeriodEnd());
        assertTrue(cancel.after().grantsAccessAt(s.periodEnd().minusSeconds(1)));
        assertEquals(Optional.empty(), lifecycle.tick(cancel.after(), s.periodEnd().minus(DAY)), "no reminder for a canceled one");
        Transition expire = lifecycle.tick(cancel.after(), s.periodEnd()).orElseThrow();
        assertEquals(Status.EXPIRED, expire.after().status());
        assertEquals(List.of(new Effect.StatusChanged(Status.ACTIVE, Status.EXPIRED, Reason.PERIOD_ENDED, null)), expire.effects());
        Transition freeTrialEnds = lifecycle.tick(lifecycle.start(4, 7, new Plan("free", Period.MONTH, 1, 0, "EUR"), true, 7, 1, T0).after(),
                T0.plus(Duration.ofDays(7))).orElseThrow();
        assertEquals(Status.EXPIRED, freeTrialEnds.after().status(), "a trial of a plan with no price to charge just ends");
    }

    @Test
    void aTrialConvertsAtItsEndByChargingTheListPriceAndACanceledOneEnds() {
        Subscription trial = lifecycle.start(4, 7, BASIC, true, 7, 1, T0).after();
        Instant end = T0.plus(Duration.ofDays(7));
        assertEquals(List.of(new Effect.RenewalUpcoming(end)), lifecycle.tick(trial, end.minus(Duration.ofDays(3))).orElseThrow().effects(),
                "told three days ahead that the trial turns into a paid plan");
        Transition due = lifecycle.tick(trial, end).orElseThrow();
        assertEquals(List.of(new Effect.RenewalRequested(1, end)), due.effects());
        assertEquals(Status.TRIALING, due.after().status());
        Transition paid = lifecycle.renewed(due.after(), BASIC, 2, end.plusSeconds(5));
        assertEquals(Status.ACTIVE, paid.after().status());
        assertEquals(Instant.parse("2026-03-07T10:00:00Z"), paid.after().periodEnd(), "a calendar month from the trial's end (7 February)");
        Transition declined = lifecycle.renewalFailed(due.after(), 2, end.plusSeconds(5)).orElseThrow();
        assertEquals(Status.PAST_DUE, declined.after().status(), "a card that fails at conversion goes through dunning");
        Transition canceled = lifecycle.tick(lifecycle.canceled(trial, T0.plus(DAY)).after(), end).orElseThrow();
        assertEquals(Status.EXPIRED, canceled.after().status(), "a trial canceled before its end is never charged");
    }

    @Test
    void cancelingPastDueEndsItAtOnceAndAnEndedOneIsRefused() {
        Subscription pastDue = lifecycle.renewalFailed(lifecycle.tick(active(), active().periodEnd()).orElseThrow().after(), 1, active().periodEnd())
                .orElseThrow().after();
        Transition t = lifecycle.canceled(pastDue, active().periodEnd());
        assertEquals(Status.CANCELED, t.after().status());
        assertEquals(List.of(new Effect.StatusChanged(Status.PAST_DUE, Status.CANCELED, Reason.CANCELED_BY_USER, null)), t.effects());
        assertThrows(ConflictException.class, () -> lifecycle.canceled(t.after(), T0));
        assertThrows(ConflictException.class, () -> lifecycle.canceled(expired(), T0));
    }

    @Test
    void aFullRefundCancelsAtOnceAndAPartialOneShortensInProportion() {
        Subscription s = active();
        Duration bought = Duration.between(s.periodStart(), s.periodEnd());
        Transition full = lifecycle.refunded(s, true, 999, 999, bought, 100, T0.plus(DAY)).orElseThrow();
        assertEquals(Status.CANCELED, full.after().status());
        assertFalse(full.after().grantsAccessAt(T0.plus(DAY)));
        assertEquals(T0.plus(DAY), full.after().periodEnd());
        assertEquals(List.of(new Effect.StatusChanged(Status.ACTIVE, Status.CANCELED, Reason.REFUNDED, 100L)), full.effects());
        Transition half = lifecycle.refunded(s, false, 500, 1000, bought, 100, T0.plus(DAY)).orElseThrow();
        assertEquals(s.periodEnd().minus(bought.dividedBy(2)), half.after().periodEnd());
        assertEquals(Status.ACTIVE, half.after().status());
        assertEquals(List.of(), half.effects());
        assertEquals(Optional.empty(), lifecycle.refunded(full.after(), false, 1, 999, bought, 100, T0), "nothing for an ended one");
    }

    @Test
    void endedSubscriptionsIgnoreTheTickAndRenewalFailures() {
        assertEquals(Optional.empty(), lifecycle.tick(expired(), T0.plus(Duration.ofDays(999))));
        assertEquals(Optional.empty(), lifecycle.renewalFailed(expired(), 1, T0));
        assertEquals(Optional.empty(), lifecycle.renewalFailed(active(), 1, T0), "no renewal was requested");
        assertEquals(Optional.empty(), lifecycle.dueAt(expired()));
    }

    private Subscription expired() {
        Subscription s = lifecycle.canceled(active(), T0).after();
        return lifecycle.tick(s, s.periodEnd()).orElseThrow().after();
    }
}
