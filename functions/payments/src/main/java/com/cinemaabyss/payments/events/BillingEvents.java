package com.cinemaabyss.payments.events;

import com.cinemaabyss.contracts.EventContracts;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.events.EventJson;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
        byte[] data = event.getData() == null ? new byte[0] : event.getData().toBytes();
        requireValid(eventType, data, "CloudEvent " + event.getId());
        return Optional.of(EventJson.data(event, type));
    }

    private static CloudEvent event(String type, long subject, Object data) {
        byte[] bytes = EventJson.toBytes(data);
        requireValid(type, bytes, "payment " + subject);
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(SOURCE)
                .withType(type)
                .withSubject(Long.toString(subject))
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(bytes)
                .build();
    }

    private static void requireValid(String type, byte[] data, String what) {
        List<String> violations = EventContracts.load().forType(type)
                .orElseThrow(() -> new IllegalStateException("no contract for " + type)).violations(data);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(what + " breaks the schema of " + type + ": " + String.join("; ", violations));
        }
    }
}
