package com.cinemaabyss.payments.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Data of payment.upserted, the legacy view: the payment as it is after a change. */
public record PaymentUpserted(@JsonProperty("payment_id") long paymentId, @JsonProperty("user_id") long userId, long amount,
                              String currency, String status, @JsonProperty("created_at") String createdAt) {
}
