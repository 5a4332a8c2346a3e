package com.cinemaabyss.subscriptions.events;

import com.cinemaabyss.kit.core.InvalidInputException;
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
                   @JsonProperty("plan_id") String planId, String period, @JsonProperty("max_profiles") Integer maxProfiles,
                   @JsonProperty("trial_days") Integer trialDays, long amount, @JsonProperty("list_price") Long listPrice, String currency,
                   @JsonProperty("provider_charge_id") String providerChargeId,
                   @JsonProperty("failure_code") String failureCode, @JsonProperty("failure_message") String failureMessage,
                   @JsonProperty("occurred_at") String occurredAt) {

        /**
         * What the payment bought. The contract leaves period and max_profiles optional (a failure need not say), but
         * access cannot be granted without them: a success that lacks them is refused (400, dead-lettered). A trial's
         * period only matters for showing the plan, so month stands in when it is absent.
         */
        public Plan plan() {
            if (maxProfiles == null || (period == null && !"trial".equals(purpose))) {
                throw new InvalidInputException("payment " + paymentId + " does not say what it bought: period and max_profiles are required");
            }
            // What renewals charge: the plan's list price (a promo code or points discount one payment, a trial's card
            // check pays nothing); the amount paid where the event does not say.
            return new Plan(planId, period == null ? Period.MONTH : Period.fromWire(period), maxProfiles,
                    listPrice != null ? listPrice : amount, currency);
        }

        public int trialDaysOrZero() {
            return trialDays == null ? 0 : trialDays;
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
