package com.cinemaabyss.payments.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A payment as its owner (or an admin) sees it. Amount and plan are absent until the quote is confirmed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(@JsonProperty("payment_id") long paymentId, @JsonProperty("user_id") long userId, String purpose,
                          String status, Long amount, String currency, @JsonProperty("refunded_total") long refundedTotal,
                          @JsonProperty("plan_id") String planId, @JsonProperty("checkout_id") Long checkoutId,
                          @JsonProperty("subscription_id") Long subscriptionId,
                          @JsonProperty("failure_code") String failureCode, @JsonProperty("failure_message") String failureMessage,
                          @JsonProperty("created_at") String createdAt) {
}
