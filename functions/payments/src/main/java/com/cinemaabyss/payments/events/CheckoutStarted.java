package com.cinemaabyss.payments.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Data of checkout.started. */
public record CheckoutStarted(@JsonProperty("checkout_id") long checkoutId, @JsonProperty("payment_id") long paymentId,
                              @JsonProperty("user_id") long userId, @JsonProperty("quote_id") long quoteId,
                              @JsonProperty("started_at") String startedAt) {
}
