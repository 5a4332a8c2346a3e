package com.cinemaabyss.subscriptions.functions;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.subscriptions.domain.Effect;
import com.cinemaabyss.subscriptions.domain.Entitlement;
import com.cinemaabyss.subscriptions.domain.Lifecycle;
import com.cinemaabyss.subscriptions.domain.Status;
import com.cinemaabyss.subscriptions.domain.Subscription;
import com.cinemaabyss.subscriptions.domain.SubscriptionView;
import com.cinemaabyss.subscriptions.domain.Transition;
import com.cinemaabyss.subscriptions.events.BillingEvent;
import com.cinemaabyss.subscriptions.events.BillingEvents;
import com.cinemaabyss.subscriptions.store.ProcessedItem;
import com.cinemaabyss.subscriptions.store.SubscriptionStore;
import com.cinemaabyss.subscriptions.store.SubscriptionStore.Marker;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads, decides ({@link Lifecycle}) and writes ({@link SubscriptionStore}) each change, reading again when another
 * writer moved the subscription meanwhile. Every change of a user's current subscription rewrites the user's
 * entitlement in the same transaction.
 */
public class Subscriptions {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);
    /** Reads and decides again this often when another writer keeps getting there first; then 503 (retried by the caller). */
    private static final int ATTEMPTS = 5;
    private static final int MAX_EVENT_ID = 256;

    private final SubscriptionStore store;
    private final Lifecycle lifecycle;
    private final Clock clock;
    private final int batch;

    public Subscriptions(SubscriptionStore store, Lifecycle lifecycle, Clock clock, int batch) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.batch = batch;
    }

    public Optional<SubscriptionView> mine(long userId) {
        return store.current(userId).subscription().map(SubscriptionView::of);
    }

    public Entitlement entitlement(long userId) {
        return store.entitlement(userId, now());
    }

    /** Cancel at period end (at once when past_due); 404 without a subscription, 409 when it has already ended. */
    public SubscriptionView cancel(long userId) {
        return retrying("cancel for user " + userId, () -> {
            Instant now = now();
            SubscriptionStore.Current current = store.current(userId);
            Subscription s = current.subscription().orElseThrow(() -> new NotFoundException("user " + userId + " has no subscription"));
            if (s.cancelAtPeriodEnd() && s.status().grantsAccess()) {
                return SubscriptionView.of(s);
            }
            Transition t = lifecycle.canceled(s, now);
            store.write(t, s.version(), current.subscriptionId(), true, List.of(), now);
            return SubscriptionView.of(t.after());
        });
    }

    /** One delivery from billing-events; other types are acknowledged and left alone. */
    public void apply(CloudEvent event) {
        if (event.getId().length() > MAX_EVENT_ID) {
            // The id becomes a key of the processed table: bounded here, as the contracts' ce_id is.
            throw new InvalidInputException("CloudEvent id is longer than " + MAX_EVENT_ID + " characters");
        }
        Optional<BillingEvent> read = BillingEvents.read(event);
        if (read.isEmpty()) {
            log.debug("event={} type={} is not for subscriptions", event.getId(), event.getType());
            return;
        }
        BillingEvent billing = read.get();
        boolean applied = retrying("event " + event.getId(), () -> switch (billing) {
            case BillingEvent.Succeeded s -> succeeded(event.getId(), s.payment());
            case BillingEvent.Failed f -> failed(event.getId(), f.payment());
            case BillingEvent.Refunded r -> refunded(event.getId(), r);
        });
        log.info("event={} type={} payment={} user={} applied={}", event.getId(), event.getType(), billing.paymentId(), billing.userId(), applied);
    }

    /** The renewal tick: every due subscription of every index shard, up to the batch each. */
    public TickReport tick() {
        Instant now = now();
        int due = 0;
        int moved = 0;
        int others = 0;
        int renewals = 0;
        int reminders = 0;
        int ended = 0;
        for (int shard = 0; shard < store.shards(); shard++) {
            for (long id : store.due(shard, now, batch)) {
                due++;
                Optional<Subscription> found = store.find(id);
                Optional<Transition> t = found.flatMap(s -> lifecycle.tick(s, now));
                if (t.isEmpty()) {
                    continue; // the index lags behind a write that already moved it
                }
                Subscription s = found.get();
                SubscriptionStore.Current current = store.current(s.userId());
                try {
                    store.write(t.get(), s.version(), current.subscriptionId(), current.subscriptionId().equals(Optional.of(s.id())), List.of(), now);
                } catch (SubscriptionStore.ConcurrentChange e) {
                    others++; // another tick or a payment moved it first; still due, it comes back next tick
                    continue;
                }
                moved++;
                for (Effect effect : t.get().effects()) {
                    switch (effect) {
                        case Effect.RenewalRequested r -> renewals++;
                        case Effect.RenewalUpcoming u -> reminders++;
                        case Effect.StatusChanged c when !c.to().live() -> ended++;
                        default -> {
                        }
                    }
                }
            }
        }
        TickReport report = new TickReport(due, moved, others, renewals, reminders, ended);
        log.info("renewal tick at {}: {}", now, report);
        return report;
    }

    private boolean succeeded(String eventId, BillingEvent.Payment p) {
        Instant now = now();
        if ("renewal".equals(p.purpose()) && p.subscriptionId() != null) {
            Optional<Subscription> renewed = store.find(p.subscriptionId());
            SubscriptionStore.Current current = store.current(p.userId());
            if (renewed.isPresent() && renewed.get().userId() == p.userId() && current.subscriptionId().equals(Optional.of(p.subscriptionId()))) {
                Subscription before = renewed.get();
                Transition t = lifecycle.renewed(before, p.plan(), p.paymentId(), now);
                return store.write(t, before.version(), current.subscriptionId(), true, paidMarkers(eventId, p, t.after(), t.after().periodStart()), now);
            }
            // Money for a subscription that is not (any more) the user's current one still buys access: as a checkout would.
            log.warn("payment {} renews subscription {}, which is not user {}'s current one; applied to the current one", p.paymentId(),
                    p.subscriptionId(), p.userId());
        }
        boolean trial = "trial".equals(p.purpose());
        if (trial && p.trialDaysOrZero() < 1) {
            throw new InvalidInputException("payment " + p.paymentId() + " starts a trial of " + p.trialDaysOrZero() + " days: a trial needs trial_days of 1 or more");
        }
        SubscriptionStore.Current current = store.current(p.userId());
        Optional<Subscription> live = current.subscription().filter(s -> s.status().live());
        if (live.isPresent()) {
            Subscription before = live.get();
            Instant base = before.status() != Status.PAST_DUE && before.periodEnd().isAfter(now) ? before.periodEnd() : now;
            Transition t = lifecycle.extended(before, p.plan(), trial, p.trialDaysOrZero(), p.paymentId(), now);
            return store.write(t, before.version(), current.subscriptionId(), true, paidMarkers(eventId, p, t.after(), base), now);
        }
        Transition t = lifecycle.start(store.nextId(), p.userId(), p.plan(), trial, p.trialDaysOrZero(), p.paymentId(), now);
        return store.write(t, 0, current.subscriptionId(), true, paidMarkers(eventId, p, t.after(), t.after().periodStart()), now);
    }

    private boolean failed(String eventId, BillingEvent.Payment p) {
        if (!"renewal".equals(p.purpose()) || p.subscriptionId() == null) {
            return false; // a failed checkout or trial verification bought nothing: nothing to change here
        }
        Instant now = now();
        Optional<Subscription> found = store.find(p.subscriptionId()).filter(s -> s.userId() == p.userId());
        Optional<Transition> t = found.flatMap(s -> lifecycle.renewalFailed(s, p.paymentId(), now));
        if (t.isEmpty()) {
            return false; // no renewal waiting for an answer: a repeat, or a subscription that moved on
        }
        SubscriptionStore.Current current = store.current(p.userId());
        return store.write(t.get(), found.get().version(), current.subscriptionId(),
                current.subscriptionId().equals(Optional.of(found.get().id())), List.of(Marker.of("event:" + eventId)), now);
    }

    private boolean refunded(String eventId, BillingEvent.Refunded r) {
        Optional<ProcessedItem> paid = store.marker("paid:" + r.paymentId());
        if (paid.isEmpty()) {
            log.warn("refund {} of payment {}: that payment bought no subscription here", r.refundId(), r.paymentId());
            return false;
        }
        Instant now = now();
        Optional<Subscription> found = store.find(paid.get().getSubscriptionId());
        Optional<Transition> t = found.flatMap(s -> lifecycle.refunded(s, r.full(), r.amount(), r.paidAmount(),
                Duration.ofMillis(paid.get().getBoughtMillis()), r.paymentId(), now));
        if (t.isEmpty()) {
            return false;
        }
        SubscriptionStore.Current current = store.current(found.get().userId());
        return store.write(t.get(), found.get().version(), current.subscriptionId(),
                current.subscriptionId().equals(Optional.of(found.get().id())),
                List.of(Marker.of("event:" + eventId), Marker.of("refund:" + r.refundId())), now);
    }

    /** The CloudEvent id, and the payment id (remembering what it bought, for a refund): the same payment never extends twice. */
    private static List<Marker> paidMarkers(String eventId, BillingEvent.Payment p, Subscription after, Instant boughtFrom) {
        return List.of(Marker.of("event:" + eventId),
                new Marker("paid:" + p.paymentId(), after.id(), Math.max(0, after.periodEnd().toEpochMilli() - boughtFrom.toEpochMilli())));
    }

    private <T> T retrying(String what, Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (SubscriptionStore.ConcurrentChange e) {
                if (attempt == ATTEMPTS) {
                    throw new UnavailableException(what + ": other writers kept changing the subscription; try again", e);
                }
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
