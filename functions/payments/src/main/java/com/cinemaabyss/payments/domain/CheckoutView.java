package com.cinemaabyss.payments.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A checkout as its owner sees it: pending until the payment is decided, then succeeded or failed with the reason. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckoutView(@JsonProperty("checkout_id") long checkoutId, @JsonProperty("payment_id") long paymentId,
                           String status, @JsonProperty("reason_code") String reasonCode, String reason) {
}
