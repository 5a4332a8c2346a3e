package com.cinemaabyss.payments.provider;

/**
 * The payment provider, as payments uses it. A charge's outcome is not in the answer: it comes later, by a signed
 * webhook. Both calls are idempotent on the key given, so repeating one (a retry, a redelivered event) never charges
 * or refunds twice. Failures: {@link ProviderRefusedException} when the provider refuses this request for good (a bad
 * token, an over-refund), {@link com.cinemaabyss.kit.core.UnavailableException} when it cannot be reached or fails
 * (try again later, with the same key).
 */
public interface PaymentProvider {

    ProviderCharge charge(ChargeRequest request);

    ProviderRefund refund(String chargeId, long amount, String idempotencyKey);

    /** A charge to make: with a payment token (on session) or a saved payment method (off session). */
    record ChargeRequest(String idempotencyKey, long paymentId, long amount, String currency, String paymentToken,
                         String paymentMethod) {
    }

    /** The charge as created; {@code paymentMethod} is what a success saves for later charges, when the provider made one. */
    record ProviderCharge(String id, String status, String paymentMethod) {
    }

    record ProviderRefund(String id, long amount) {
    }
}
