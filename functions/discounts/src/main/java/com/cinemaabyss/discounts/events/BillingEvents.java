package com.cinemaabyss.discounts.events;

import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.events.EventJson;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cloudevents.CloudEvent;

import java.util.Optional;
import java.util.Set;

/**
 * What discounts reads from payments on billing-events. An event of a handled type is held to its contract first: data
 * that breaks it is answered 400, which the eventing layer dead-letters instead of retrying. Other types are not ours.
 */
public final class BillingEvents {

    static final Set<String> HANDLED = Set.of(EventTypes.CHECKOUT_STARTED, EventTypes.PAYMENT_SUCCEEDED,
            EventTypes.PAYMENT_FAILED, EventTypes.PAYMENT_REFUNDED);

    private BillingEvents() {
    }

    /** The sealed set of what is handled, each with the CloudEvent id it came in. */
    public sealed interface Billing permits CheckoutStarted, PaymentSucceeded, PaymentFailed, PaymentRefunded {
    }

    public record CheckoutStarted(@JsonProperty("checkout_id") long checkoutId, @JsonProperty("payment_id") long paymentId,
                                  @JsonProperty("user_id") long userId, @JsonProperty("quote_id") long quoteId) implements Billing {
    }

    /** The data payment.succeeded and payment.failed share, of which discounts reads this much. */
    public record PaymentOutcome(@JsonProperty("payment_id") long paymentId, @JsonProperty("user_id") long userId, String purpose,
                                 @JsonProperty("checkout_id") Long checkoutId, long amount, String currency,
                                 @JsonProperty("failure_code") String failureCode) {
    }

    public record PaymentSucceeded(PaymentOutcome payment) implements Billing {
    }

    public record PaymentFailed(PaymentOutcome payment) implements Billing {
    }

    public record PaymentRefunded(@JsonProperty("payment_id") long paymentId, @JsonProperty("refund_id") long refundId,
                                  @JsonProperty("user_id") long userId, long amount, @JsonProperty("refunded_total") long refundedTotal,
                                  @JsonProperty("paid_amount") long paidAmount, String currency, boolean full) implements Billing {
    }

    /** The event as one of the handled kinds, or empty for a type discounts does not handle. */
    public static Optional<Billing> read(CloudEvent event) {
        String type = event.getType();
        if (!HANDLED.contains(type)) {
            return Optional.empty();
        }
        ContractEvents.requireValid(event);
        return Optional.of(switch (type) {
            case EventTypes.CHECKOUT_STARTED -> EventJson.data(event, CheckoutStarted.class);
            case EventTypes.PAYMENT_SUCCEEDED -> new PaymentSucceeded(EventJson.data(event, PaymentOutcome.class));
            case EventTypes.PAYMENT_FAILED -> new PaymentFailed(EventJson.data(event, PaymentOutcome.class));
            default -> EventJson.data(event, PaymentRefunded.class);
        });
    }
}
