package com.cinemaabyss.subscriptions.events;

import com.cinemaabyss.kit.events.EventJson;
import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.outbox.Outbox;
import com.cinemaabyss.subscriptions.domain.Effect;
import com.cinemaabyss.subscriptions.domain.Subscription;
import com.cinemaabyss.subscriptions.domain.Transition;
import io.cloudevents.CloudEvent;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CloudEvents of a transition, ready for the outbox: one per effect on subscription-events, and the subscription as
 * the legacy view shows it on the compacted subscription-changes, after every change. Each is held to its contract
 * before it is queued; a break is our bug, so it fails loudly rather than being published.
 */
public final class SubscriptionEvents {

    private static final URI SOURCE = URI.create("/cinemaabyss/subscriptions");

    private SubscriptionEvents() {
    }

    public static List<Outbox.Announcement> of(Transition transition) {
        Subscription s = transition.after();
        List<Outbox.Announcement> events = new ArrayList<>();
        for (Effect effect : transition.effects()) {
            events.add(new Outbox.Announcement(Topics.SUBSCRIPTION_EVENTS, Long.toString(s.id()), switch (effect) {
                case Effect.Activated a -> event(EventTypes.SUBSCRIPTION_ACTIVATED, s, data(
                        "subscription_id", s.id(), "user_id", s.userId(), "plan_id", s.plan().planId(), "status", s.status().wire(),
                        "period_start", time(s.periodStart()), "period_end", time(s.periodEnd()),
                        "max_profiles", s.plan().maxProfiles(), "payment_id", a.paymentId()));
                case Effect.StatusChanged c -> event(EventTypes.SUBSCRIPTION_STATUS_CHANGED, s, data(
                        "subscription_id", s.id(), "user_id", s.userId(), "plan_id", s.plan().planId(), "from", c.from().wire(),
                        "to", c.to().wire(), "reason", c.reason().wire(), "period_end", time(s.periodEnd()), "payment_id", c.paymentId()));
                case Effect.RenewalRequested r -> event(EventTypes.SUBSCRIPTION_RENEWAL_REQUESTED, s, data(
                        "subscription_id", s.id(), "user_id", s.userId(), "plan_id", s.plan().planId(), "period", s.plan().period().wire(),
                        "max_profiles", s.plan().maxProfiles(), "amount", s.plan().amount(), "currency", s.plan().currency(),
                        "attempt", r.attempt(), "renewal_of", time(r.renewalOf())));
                case Effect.RenewalUpcoming u -> event(EventTypes.SUBSCRIPTION_RENEWAL_UPCOMING, s, data(
                        "subscription_id", s.id(), "user_id", s.userId(), "plan_id", s.plan().planId(), "renews_at", time(u.renewsAt()),
                        "amount", s.plan().amount(), "currency", s.plan().currency()));
            }));
        }
        events.add(new Outbox.Announcement(Topics.SUBSCRIPTION_CHANGES, Long.toString(s.id()), event(EventTypes.SUBSCRIPTION_UPSERTED, s, data(
                "subscription_id", s.id(), "user_id", s.userId(), "plan_id", s.plan().planId(), "status", s.status().wire(),
                "period_start", time(s.periodStart()), "period_end", time(s.periodEnd())))));
        return events;
    }

    /** RFC 3339 in UTC, as every contract's date-time field and renewal_of (payments' idempotency key) carry it. */
    public static String time(Instant instant) {
        return instant.toString();
    }

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                data.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return data;
    }

    private static CloudEvent event(String type, Subscription s, Map<String, Object> data) {
        return ContractEvents.create(SOURCE, type, Long.toString(s.id()), EventJson.toBytes(data));
    }
}
