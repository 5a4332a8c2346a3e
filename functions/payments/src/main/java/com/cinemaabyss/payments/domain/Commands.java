package com.cinemaabyss.payments.domain;

/** The inputs of payments' function beans: what the route read from the request, with who is calling. */
public final class Commands {

    private Commands() {
    }

    /** POST /api/v1/checkouts by {@code userId}. */
    public record StartCheckout(long userId, NewCheckout checkout) {
    }

    /** GET /api/v1/checkouts/{id} by {@code userId}: only the checkout's owner sees it. */
    public record ShowCheckout(long userId, long checkoutId) {
    }

    /** GET /api/v1/payments/{id} by {@code userId}: the owner, or an admin. */
    public record ShowPayment(long userId, boolean admin, long paymentId) {
    }

    /** GET /api/v1/me/payments: the caller's latest payments (the account screen's receipts). */
    public record MyPayments(long userId, int limit) {
    }

    /** POST /api/v1/payments/{id}/refunds by an admin. */
    public record Refund(long paymentId, NewRefund refund) {
    }

    /** POST /api/v1/payments/webhooks/{provider}: the body exactly as received, and its signature header. */
    public record Webhook(String provider, String signature, byte[] body) {
    }

    /** The answer to a webhook: received (it was genuine) and whether it changed anything (false for a duplicate). */
    public record WebhookReceived(boolean received, boolean applied) {
    }
}
