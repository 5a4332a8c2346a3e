package com.cinemaabyss.subscriptions.events;

import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.events.EventJson;
import io.cloudevents.CloudEvent;

import java.util.Optional;

/**
 * Reads what billing-events delivers: payment.succeeded, payment.failed and payment.refunded, each held to its contract
 * first (an event that breaks it is refused with 400, which the eventing layer dead-letters rather than retries). Any
 * other type on the topic (checkout.started, ...) is none of subscriptions' business: empty.
 */
public final class BillingEvents {

    private BillingEvents() {
    }

    public static Optional<BillingEvent> read(CloudEvent event) {
        String type = event.getType();
        if (!EventTypes.PAYMENT_SUCCEEDED.equals(type) && !EventTypes.PAYMENT_FAILED.equals(type) && !EventTypes.PAYMENT_REFUNDED.equals(type)) {
            return Optional.empty();
        }
        ContractEvents.requireValid(event);
        return Optional.of(switch (type) {
            case EventTypes.PAYMENT_SUCCEEDED -> new BillingEvent.Succeeded(EventJson.data(event, BillingEvent.Payment.class));
            case EventTypes.PAYMENT_FAILED -> new BillingEvent.Failed(EventJson.data(event, BillingEvent.Payment.class));
            default -> EventJson.data(event, BillingEvent.Refunded.class);
        });
    }
}
