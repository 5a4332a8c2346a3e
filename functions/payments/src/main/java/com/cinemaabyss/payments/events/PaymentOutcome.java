package com.cinemaabyss.payments.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Data of payment.succeeded and payment.failed (the failure fields only on a failure). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentOutcome(@JsonProperty("payment_id") long paymentId, @JsonProperty("user_id") long userId, String purpose,
                             @JsonProperty("checkout_id") Long checkoutId, @JsonProperty("subscription_id") Long subscriptionId,
                             @JsonProperty("plan_id") String planId, String period, @JsonProperty("max_profiles") int maxProfiles,
                             @JsonProperty("trial_days") int trialDays, long amount, @JsonProperty("list_price") Long listPrice,
                             String currency,
                             @JsonProperty("provider_charge_id") String providerChargeId,
                             @JsonProperty("failure_code") String failureCode, @JsonProperty("failure_message") String failureMessage,
                             @JsonProperty("occurred_at") String occurredAt) {
}
