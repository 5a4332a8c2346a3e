package com.cinemaabyss.subscriptions.events;

import com.cinemaabyss.subscriptions.domain.Period;
import com.cinemaabyss.subscriptions.domain.Plan;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The payments' answers subscriptions acts on, as their contracts define them (docs/money-path.md). */
public sealed interface BillingEvent {

    long paymentId();

    long userId();

    /** payment.succeeded / payment.failed: the charge and what it was for. */
    record Payment(@JsonProperty("payment_id") long paymentId, @JsonProperty("user_id") long userId, String purpose,
                   @JsonProperty("checkout_id") Long checkoutId, @JsonProperty("subscription_id") Long subscriptionId,
                   @JsonProperty("plan_id") String planId, String period, @JsonProperty("max_profiles") int maxProfiles,
                   @JsonProperty("trial_days") int trialDays, long amount, String currency,
                   @JsonProperty("provider_charge_id") String providerChargeId,
                   @JsonProperty("failure_code") String failureCode, @JsonProperty("failure_message") String failureMessage,
                   @JsonProperty("occurred_at") String occurredAt) {

        public Plan plan() {
            return new Plan(planId, Period.fromWire(period), maxProfiles, amount, currency);
        }
    }

    record Succeeded(Payment payment) implements BillingEvent {
        @Override
        public long paymentId() {
            return payment.paymentId();
        }

        @Override
        public long userId() {
            return payment.userId();
        }
    }

    record Failed(Payment payment) implements BillingEvent {
        @Override
        public long paymentId() {
            return payment.paymentId();
        }

        @Override
        public long userId() {
            return payment.userId();
        }
    }

    record Refunded(@JsonProperty("payment_id") long paymentId, @JsonProperty("refund_id") long refundId,
                    @JsonProperty("user_id") long userId, String purpose, @JsonProperty("plan_id") String planId, long amount,
                    @JsonProperty("refunded_total") long refundedTotal, @JsonProperty("paid_amount") long paidAmount,
                    String currency, boolean full, @JsonProperty("occurred_at") String occurredAt) implements BillingEvent {
    }
}
