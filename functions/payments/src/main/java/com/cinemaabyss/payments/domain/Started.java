package com.cinemaabyss.payments.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to POST /api/v1/checkouts (202): the checkout and its payment, pending. */
public record Started(@JsonProperty("checkout_id") long checkoutId, @JsonProperty("payment_id") long paymentId, String status) {
}
