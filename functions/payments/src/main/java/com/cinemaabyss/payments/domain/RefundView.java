package com.cinemaabyss.payments.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A refund made: this one's amount, what is refunded of the payment in all, and the payment's status now. */
public record RefundView(@JsonProperty("refund_id") long refundId, @JsonProperty("payment_id") long paymentId, long amount,
                         String currency, @JsonProperty("refunded_total") long refundedTotal,
                         @JsonProperty("payment_status") String paymentStatus) {
}
