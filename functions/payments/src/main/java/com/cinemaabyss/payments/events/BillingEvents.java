package com.cinemaabyss.payments.events;

import com.cinemaabyss.kit.events.EventJson;
import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventTypes;
import io.cloudevents.CloudEvent;

import java.net.URI;
import java.util.Optional;

/**
 * The CloudEvents payments writes, each held to its contract before it is queued, and the ones it reads, held to
 * theirs before they are believed (an event that breaks its contract is refused with 400: the eventing layer
 * dead-letters it rather than delivering it again).
 */
public final class BillingEvents {

    private static final URI SOURCE = URI.create("/cinemaabyss/payments");

    private BillingEvents() {
    }

    public static CloudEvent checkoutStarted(CheckoutStarted data) {
        return event(EventTypes.CHECKOUT_STARTED, data.paymentId(), data);
    }

    public static CloudEvent paymentSucceeded(PaymentOutcome data) {
        return event(EventTypes.PAYMENT_SUCCEEDED, data.paymentId(), data);
    }

    public static CloudEvent paymentFailed(PaymentOutcome data) {
        return event(EventTypes.PAYMENT_FAILED, data.paymentId(), data);
    }

    public static CloudEvent paymentRefunded(PaymentRefunded data) {
        return event(EventTypes.PAYMENT_REFUNDED, data.paymentId(), data);
    }

    public static CloudEvent paymentUpserted(PaymentUpserted data) {
        return event(EventTypes.PAYMENT_UPSERTED, data.paymentId(), data);
    }

    /** The event's data as {@code type} if the event is of {@code eventType}; checked against the contract first. */
    public static <T> Optional<T> read(CloudEvent event, String eventType, Class<T> type) {
        if (!eventType.equals(event.getType())) {
            return Optional.empty();
        }
        ContractEvents.requireValid(event);
        return Optional.of(EventJson.data(event, type));
    }

    private static CloudEvent event(String type, long subject, Object data) {
        return ContractEvents.create(SOURCE, type, Long.toString(subject), EventJson.toBytes(data));
    }
}
