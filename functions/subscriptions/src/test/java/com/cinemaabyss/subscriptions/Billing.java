package com.cinemaabyss.subscriptions;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.test.TestHttp;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Delivers payments' events to subscriptions' sink the way the eventing layer does (binary mode, the delivery token). */
final class Billing {

    static final String TOKEN = "test-delivery-token";
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() / 1000 * 2);

    private Billing() {
    }

    static long newId() {
        return IDS.addAndGet(2);
    }

    static String succeeded(long paymentId, long userId, String purpose, Long subscriptionId, String planId, String period, int trialDays, long amount) {
        return "{\"payment_id\":" + paymentId + ",\"user_id\":" + userId + ",\"purpose\":\"" + purpose + "\","
                + (subscriptionId == null ? "\"checkout_id\":" + (paymentId + 1) : "\"subscription_id\":" + subscriptionId)
                + ",\"plan_id\":\"" + planId + "\",\"period\":\"" + period + "\",\"max_profiles\":4,\"trial_days\":" + trialDays
                + ",\"amount\":" + amount + ",\"currency\":\"EUR\",\"provider_charge_id\":\"ch_" + paymentId + "\",\"occurred_at\":\"" + Instant.now() + "\"}";
    }

    static String failed(long paymentId, long userId, long subscriptionId) {
        return "{\"payment_id\":" + paymentId + ",\"user_id\":" + userId + ",\"purpose\":\"renewal\",\"subscription_id\":" + subscriptionId
                + ",\"plan_id\":\"basic\",\"period\":\"month\",\"max_profiles\":4,\"trial_days\":0,\"amount\":999,\"currency\":\"EUR\","
                + "\"failure_code\":\"card_declined\",\"failure_message\":\"Your card was declined.\",\"occurred_at\":\"" + Instant.now() + "\"}";
    }

    static String refunded(long paymentId, long refundId, long userId, long amount, long paid, boolean full) {
        return "{\"payment_id\":" + paymentId + ",\"refund_id\":" + refundId + ",\"user_id\":" + userId + ",\"purpose\":\"checkout\","
                + "\"plan_id\":\"basic\",\"amount\":" + amount + ",\"refunded_total\":" + amount + ",\"paid_amount\":" + paid
                + ",\"currency\":\"EUR\",\"full\":" + full + ",\"occurred_at\":\"" + Instant.now() + "\"}";
    }

    /** POSTs the event with a fresh id; returns the id so a test can deliver the very same event again. */
    static String deliver(TestHttp http, String type, long paymentId, String data) {
        String id = UUID.randomUUID().toString();
        deliver(http, id, type, paymentId, data);
        return id;
    }

    static void deliver(TestHttp http, String id, String type, long paymentId, String data) {
        HttpResponse<String> response = post(http, id, type, paymentId, data, "Bearer " + TOKEN);
        if (response.statusCode() != 202) {
            throw new AssertionError(type + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    static HttpResponse<String> post(TestHttp http, String id, String type, long paymentId, String data, String authorization) {
        HttpRequest.Builder request = http.request("/internal/events/billing-events")
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/cinemaabyss/payments")
                .header("ce-type", type).header("ce-subject", Long.toString(paymentId)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(data));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request);
    }

    static HttpResponse<String> tick(TestHttp http) {
        return http.send(http.request("/internal/schedules/renewals")
                .header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/apis/v1/namespaces/cinemaabyss/pingsources/renewals").header("ce-type", "dev.knative.sources.ping")
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"schedule\":\"renewals\"}")));
    }

    static final String SUCCEEDED = EventTypes.PAYMENT_SUCCEEDED;
    static final String FAILED = EventTypes.PAYMENT_FAILED;
    static final String REFUNDED = EventTypes.PAYMENT_REFUNDED;
}
