package com.cinemaabyss.monolith.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Data of {@code com.cinemaabyss.payments.payment.upserted.v1}: a payment of the payments function; amount in minor units. */
public record PaymentChange(@JsonProperty("payment_id") long paymentId, @JsonProperty("user_id") long userId, long amount,
                            String currency, String status, @JsonProperty("created_at") String createdAt) {
}
