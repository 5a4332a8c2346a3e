package com.cinemaabyss.payments.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Data of payment.refunded. */
public record PaymentRefunded(@JsonProperty("payment_id") long paymentId, @JsonProperty("refund_id") long refundId,
                              @JsonProperty("user_id") long userId, String purpose, @JsonProperty("plan_id") String planId,
                              long amount, @JsonProperty("refunded_total") long refundedTotal,
                              @JsonProperty("paid_amount") long paidAmount, String currency, boolean full,
                              @JsonProperty("occurred_at") String occurredAt) {
}
