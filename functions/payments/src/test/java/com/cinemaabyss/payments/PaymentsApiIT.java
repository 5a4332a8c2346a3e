package com.cinemaabyss.payments;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import com.cinemaabyss.sandbox.PaymentSandbox;
import com.cinemaabyss.sandbox.SandboxSettings;
import com.cinemaabyss.sandbox.WebhookSigner;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * payments against the shared Kafka and DynamoDB Local, with the sandbox provider started in the test JVM and
 * discounts' and subscriptions' events delivered by hand, as the eventing layer would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentsApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String API_KEY = "sk_test_" + UUID.randomUUID();
    static final String WEBHOOK_SECRET = "whsec_" + UUID.randomUUID();
    static final PaymentSandbox SANDBOX = PaymentSandbox.start(SandboxSettings.forTests(API_KEY, WEBHOOK_SECRET));
    static final AtomicLong USERS = new AtomicLong(System.nanoTime() % 1_000_000 * 2 + 1_000_000);

    @LocalServerPort
    int port;
    TestHttp http;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
        TestIdentity.shared().properties().forEach(registry::add);
        registry.add("cinemaabyss.payments.provider.url", () -> SANDBOX.url().toString());
        registry.add("cinemaabyss.payments.provider.api-key", () -> API_KEY);
        registry.add("cinemaabyss.payments.provider.webhook-secret", () -> WEBHOOK_SECRET);
    }

    @BeforeAll
    static void topics() {
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(Topics.BILLING_EVENTS, 1, (short) 1),
                new NewTopic(Topics.PAYMENT_CHANGES, 1, (short) 1)));
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
        SANDBOX.webhookUrl(URI.create("http://127.0.0.1:" + port + "/api/v1/payments/webhooks/sandbox"));
    }

    record Checkout(long user, long checkoutId, long paymentId) {
    }

    @Test
    void aCheckoutIsAcceptedOncePerIdempotencyKeyWithAnEvenPaymentIdAndAnnounced() {
        long user = USERS.addAndGet(2);
        String key = UUID.randomUUID().toString();
        String body = "{\"quote_id\":" + user + ",\"payment_token\":\"tok_visa\"}";
        HttpResponse<String> first = http.post("/api/v1/checkouts", body, "Authorization", bearer(user), "Idempotency-Key", key);
        HttpResponse<String> again = http.post("/api/v1/checkouts", body, "Authorization", bearer(user), "Idempotency-Key", key);
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(202, again.statusCode(), again.body());
        assertEquals(first.body(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotency-Replayed").orElse(""));
        long checkoutId = number(first.body(), "checkout_id");
        long paymentId = number(first.body(), "payment_id");
        assertEquals(0, paymentId % 2, "payments hands out even ids");
        assertEquals("{\"checkout_id\":" + checkoutId + ",\"payment_id\":" + paymentId + ",\"status\":\"pending\"}", first.body());

        List<EventsOnKafka.Event> started = EventsOnKafka.ofType(
                EventsOnKafka.read(Topics.BILLING_EVENTS, paymentId, EventTypes.CHECKOUT_STARTED, 1), EventTypes.CHECKOUT_STARTED);
        assertEquals(1, started.size(), "one checkout for one key");
        assertTrue(started.getFirst().data().contains("\"user_id\":" + user) && started.getFirst().data().contains("\"quote_id\":" + user + ","));

        HttpResponse<String> shown = http.get("/api/v1/checkouts/" + checkoutId, "Authorization", bearer(user));
        assertEquals(200, shown.statusCode());
        assertEquals(first.body(), shown.body());
        assertEquals(404, http.get("/api/v1/checkouts/" + checkoutId, "Authorization", bearer(user + 2)).statusCode(), "only the owner sees it");
        assertEquals(401, http.get("/api/v1/checkouts/" + checkoutId).statusCode());

        // quote.confirmed delivered twice (an eventing retry, and the same quote under another event id): one charge.
        String confirmed = quoteConfirmed(user, checkoutId, paymentId, 1299, 0);
        String eventId = UUID.randomUUID().toString();
        assertEquals(202, deliver("/internal/events/discount-events", EventTypes.QUOTE_CONFIRMED, eventId, confirmed).statusCode());
        assertEquals(202, deliver("/internal/events/discount-events", EventTypes.QUOTE_CONFIRMED, eventId, confirmed).statusCode());
        assertEquals(202, deliver("/internal/events/discount-events", EventTypes.QUOTE_CONFIRMED, UUID.randomUUID().toString(), confirmed).statusCode());
        await(() -> checkoutStatus(user, checkoutId).contains("\"status\":\"succeeded\""));
        assertEquals(1, SANDBOX.chargesFor(paymentId).size(), "one provider charge per payment id");
        List<EventsOnKafka.Event> succeeded = EventsOnKafka.ofType(
                EventsOnKafka.read(Topics.BILLING_EVENTS, paymentId, EventTypes.PAYMENT_SUCCEEDED, 1), EventTypes.PAYMENT_SUCCEEDED);
        assertEquals(1, succeeded.size(), "payment.succeeded once");
        String data = succeeded.getFirst().data();
        assertTrue(data.contains("\"purpose\":\"checkout\"") && data.contains("\"checkout_id\":" + checkoutId) && data.contains("\"amount\":1299")
                && data.contains("\"plan_id\":\"premium\"") && data.contains("\"period\":\"month\"") && data.contains("\"max_profiles\":4")
                && data.contains("\"provider_charge_id\":\"ch_"), data);
        assertFalse(data.contains("subscription_id") || data.contains("failure_code"), data);

        List<EventsOnKafka.Event> legacy = EventsOnKafka.read(Topics.PAYMENT_CHANGES, paymentId, EventTypes.PAYMENT_UPSERTED, 2);
        assertEquals(List.of("pending", "succeeded"), legacy.stream().map(e -> e.data().replaceAll(".*\"status\":\"([a-z_]+)\".*", "$1")).toList());
    }

    @Test
    void aDeclinedCardFailsThePaymentAndTheCheckoutWithTheProvidersReason() {
        double failedBefore = settled("failed");
        Checkout c = checkout("tok_chargeDeclined");
        confirm(c, 999, 0);
        await(() -> checkoutStatus(c.user(), c.checkoutId()).contains("\"status\":\"failed\""));
        assertEquals(failedBefore + 1, settled("failed"), "the money path's dashboard counts the declined checkout");
        assertEquals("{\"checkout_id\":" + c.checkoutId() + ",\"payment_id\":" + c.paymentId()
                + ",\"status\":\"failed\",\"reason_code\":\"card_declined\",\"reason\":\"Your card was declined.\"}", checkoutStatus(c.user(), c.checkoutId()));
        List<EventsOnKafka.Event> events = EventsOnKafka.read(Topics.BILLING_EVENTS, c.paymentId(), EventTypes.PAYMENT_FAILED, 1);
        List<EventsOnKafka.Event> failed = EventsOnKafka.ofType(events, EventTypes.PAYMENT_FAILED);
        assertEquals(1, failed.size());
        assertTrue(failed.getFirst().data().contains("\"failure_code\":\"card_declined\"")
                && failed.getFirst().data().contains("\"failure_message\":\"Your card was declined.\""), failed.getFirst().data());
        assertEquals(List.of(), EventsOnKafka.ofType(events, EventTypes.PAYMENT_SUCCEEDED));
    }

    @Test
    void aWebhookDeliveredTwiceHasOneEffect() throws InterruptedException {
        int deliveredBefore = SANDBOX.webhooksDelivered();
        Checkout c = checkout("tok_duplicateWebhook");
        confirm(c, 500, 0);
        await(() -> SANDBOX.webhooksDelivered() >= deliveredBefore + 2);
        List<EventsOnKafka.Event> events = EventsOnKafka.read(Topics.BILLING_EVENTS, c.paymentId(), EventTypes.PAYMENT_SUCCEEDED, 1);
        assertEquals(1, EventsOnKafka.ofType(events, EventTypes.PAYMENT_SUCCEEDED).size(), "the second delivery changed nothing");
        assertEquals(2, EventsOnKafka.read(Topics.PAYMENT_CHANGES, c.paymentId(), EventTypes.PAYMENT_UPSERTED, 2).size(), "pending, succeeded");
    }

    @Test
    void aDelayedChargeStaysPendingUntilItsWebhookComes() {
        Checkout c = checkout("tok_delayed");
        confirm(c, 700, 0);
        assertTrue(checkoutStatus(c.user(), c.checkoutId()).contains("\"status\":\"pending\""));
        assertEquals(1, SANDBOX.chargesFor(c.paymentId()).size());
        await(() -> checkoutStatus(c.user(), c.checkoutId()).contains("\"status\":\"succeeded\""));
    }

    @Test
    void aTrialIsAZeroAmountCardVerification() {
        Checkout c = checkout("tok_visa");
        confirm(c, 0, 14);
        await(() -> checkoutStatus(c.user(), c.checkoutId()).contains("\"status\":\"succeeded\""));
        assertEquals(0, SANDBOX.chargesFor(c.paymentId()).getFirst().path("amount").asLong());
        String data = EventsOnKafka.ofType(EventsOnKafka.read(Topics.BILLING_EVENTS, c.paymentId(), EventTypes.PAYMENT_SUCCEEDED, 1),
                EventTypes.PAYMENT_SUCCEEDED).getFirst().data();
        assertTrue(data.contains("\"purpose\":\"trial\"") && data.contains("\"trial_days\":14") && data.contains("\"amount\":0"), data);
        assertTrue(data.contains("\"list_price\":1499"), "what converting the trial will cost: " + data);
    }

    @Test
    void aRejectedQuoteFailsTheCheckoutWithItsReasonAndChargesNothing() {
        Checkout c = checkout("tok_visa");
        String rejected = "{\"checkout_id\":" + c.checkoutId() + ",\"payment_id\":" + c.paymentId() + ",\"user_id\":" + c.user()
                + ",\"quote_id\":" + c.user() + ",\"reason_code\":\"promo_exhausted\",\"reason\":\"The promo code has no uses left.\"}";
        assertEquals(202, deliver("/internal/events/discount-events", EventTypes.QUOTE_REJECTED, UUID.randomUUID().toString(), rejected).statusCode());
        assertEquals("{\"checkout_id\":" + c.checkoutId() + ",\"payment_id\":" + c.paymentId()
                        + ",\"status\":\"failed\",\"reason_code\":\"promo_exhausted\",\"reason\":\"The promo code has no uses left.\"}",
                checkoutStatus(c.user(), c.checkoutId()));
        // A late quote.confirmed for the same checkout charges nothing either.
        confirm(c, 100, 0);
        assertEquals(0, SANDBOX.chargesFor(c.paymentId()).size());
    }

    @Test
    void refundsArePartialOrFullButNeverMoreThanWasPaid() {
        Checkout c = checkout("tok_visa");
        confirm(c, 1000, 0);
        await(() -> checkoutStatus(c.user(), c.checkoutId()).contains("\"status\":\"succeeded\""));
        String path = "/api/v1/payments/" + c.paymentId() + "/refunds";
        assertEquals(403, http.post(path, "{\"amount\":100}", "Authorization", bearer(c.user())).statusCode(), "admins only");
        HttpResponse<String> partial = http.post(path, "{\"amount\":300}", "Authorization", admin(), "Idempotency-Key", "r-" + c.paymentId());
        assertEquals(201, partial.statusCode(), partial.body());
        assertTrue(partial.body().contains("\"refunded_total\":300") && partial.body().contains("\"payment_status\":\"partially_refunded\""), partial.body());
        HttpResponse<String> retried = http.post(path, "{\"amount\":300}", "Authorization", admin(), "Idempotency-Key", "r-" + c.paymentId());
        assertEquals(partial.body(), retried.body(), "the same key refunds once");
        HttpResponse<String> over = http.post(path, "{\"amount\":701}", "Authorization", admin());
        assertTrue(TestHttp.isJsonError(over, 409, "at most 700"), over.body());
        assertTrue(TestHttp.isJsonError(http.post(path, "{\"amount\":0}", "Authorization", admin()), 400, "amount"));
        HttpResponse<String> rest = http.post(path, "{}", "Authorization", admin());
        assertEquals(201, rest.statusCode(), rest.body());
        assertTrue(rest.body().contains("\"amount\":700") && rest.body().contains("\"payment_status\":\"refunded\""), rest.body());
        assertTrue(TestHttp.isJsonError(http.post(path, "{\"amount\":1}", "Authorization", admin()), 409, "is refunded"));
        assertEquals(List.of(300L, 700L), SANDBOX.refunds().stream().filter(r -> r.path("charge").asString()
                .equals(SANDBOX.chargesFor(c.paymentId()).getFirst().path("id").asString())).map(r -> r.path("amount").asLong()).toList());

        List<EventsOnKafka.Event> refunded = EventsOnKafka.ofType(
                EventsOnKafka.read(Topics.BILLING_EVENTS, c.paymentId(), EventTypes.PAYMENT_REFUNDED, 2), EventTypes.PAYMENT_REFUNDED);
        assertEquals(2, refunded.size());
        assertTrue(refunded.get(0).data().contains("\"full\":false") && refunded.get(1).data().contains("\"full\":true")
                && refunded.get(1).data().contains("\"refunded_total\":1000") && refunded.get(1).data().contains("\"paid_amount\":1000"));
        HttpResponse<String> payment = http.get("/api/v1/payments/" + c.paymentId(), "Authorization", bearer(c.user()));
        assertTrue(payment.body().contains("\"status\":\"refunded\"") && payment.body().contains("\"refunded_total\":1000"), payment.body());
    }

    @Test
    void aRenewalChargesTheSavedPaymentMethodOffSessionOnceHoweverOftenItIsRequested() {
        Checkout c = checkout("tok_visa");
        confirm(c, 1299, 0);
        await(() -> checkoutStatus(c.user(), c.checkoutId()).contains("\"status\":\"succeeded\""));
        long subscription = c.user() * 10 + 2;
        String request = "{\"subscription_id\":" + subscription + ",\"user_id\":" + c.user() + ",\"plan_id\":\"premium\",\"period\":\"month\","
                + "\"max_profiles\":4,\"amount\":1299,\"currency\":\"EUR\",\"attempt\":1,\"renewal_of\":\"2026-12-01T00:00:00Z\"}";
        String eventId = UUID.randomUUID().toString();
        assertEquals(202, deliver("/internal/events/subscription-events", EventTypes.SUBSCRIPTION_RENEWAL_REQUESTED, eventId, request).statusCode());
        assertEquals(202, deliver("/internal/events/subscription-events", EventTypes.SUBSCRIPTION_RENEWAL_REQUESTED, eventId, request).statusCode());
        // The same renewal asked again under another event id (a subscriptions retry): still one payment.
        String sameInstant = request.replace("2026-12-01T00:00:00Z", "2026-12-01T01:00:00+01:00");
        assertEquals(202, deliver("/internal/events/subscription-events", EventTypes.SUBSCRIPTION_RENEWAL_REQUESTED, UUID.randomUUID().toString(), sameInstant).statusCode());
        // Another type on the topic is acknowledged and left alone.
        assertEquals(202, deliver("/internal/events/subscription-events", "com.cinemaabyss.subscriptions.subscription.activated.v1",
                UUID.randomUUID().toString(), "{\"anything\":1}").statusCode());

        long renewalPayment = renewalPaymentOf(c.user());
        await(() -> http.get("/api/v1/payments/" + renewalPayment, "Authorization", bearer(c.user())).body().contains("\"status\":\"succeeded\""));
        assertEquals(1, SANDBOX.chargesFor(renewalPayment).size());
        assertTrue(SANDBOX.chargesFor(renewalPayment).getFirst().path("off_session").asBoolean());
        assertEquals(SANDBOX.chargesFor(c.paymentId()).getFirst().path("payment_method").asString(),
                SANDBOX.chargesFor(renewalPayment).getFirst().path("payment_method").asString(), "the card the checkout saved");
        String data = EventsOnKafka.ofType(EventsOnKafka.read(Topics.BILLING_EVENTS, renewalPayment, EventTypes.PAYMENT_SUCCEEDED, 1),
                EventTypes.PAYMENT_SUCCEEDED).getFirst().data();
        assertTrue(data.contains("\"purpose\":\"renewal\"") && data.contains("\"subscription_id\":" + subscription), data);

        // The account's receipts: the user's payments, newest first, and nobody else's.
        HttpResponse<String> mine = http.get("/api/v1/me/payments", "Authorization", bearer(c.user()));
        assertEquals(200, mine.statusCode(), mine.body());
        assertEquals(List.of(renewalPayment, c.paymentId()), JSON.readTree(mine.body()).valueStream().map(p -> p.path("payment_id").asLong()).toList());
        assertEquals(1, JSON.readTree(http.get("/api/v1/me/payments?limit=1", "Authorization", bearer(c.user())).body()).size());
        assertEquals("[]", http.get("/api/v1/me/payments", "Authorization", bearer(c.user() + 7919)).body());
        assertEquals(401, http.get("/api/v1/me/payments").statusCode());
        assertEquals(400, http.get("/api/v1/me/payments?limit=51", "Authorization", bearer(c.user())).statusCode());
    }

    @Test
    void aRenewalWithoutASavedPaymentMethodFails() {
        long user = USERS.addAndGet(2);
        long subscription = user * 10 + 4;
        String request = "{\"subscription_id\":" + subscription + ",\"user_id\":" + user + ",\"plan_id\":\"basic\",\"period\":\"year\","
                + "\"max_profiles\":1,\"amount\":9900,\"currency\":\"EUR\",\"attempt\":2,\"renewal_of\":\"2026-12-01T00:00:00Z\"}";
        assertEquals(202, deliver("/internal/events/subscription-events", EventTypes.SUBSCRIPTION_RENEWAL_REQUESTED, UUID.randomUUID().toString(), request).statusCode());
        long payment = renewalPaymentOf(user);
        String data = EventsOnKafka.ofType(EventsOnKafka.read(Topics.BILLING_EVENTS, payment, EventTypes.PAYMENT_FAILED, 1),
                EventTypes.PAYMENT_FAILED).getFirst().data();
        assertTrue(data.contains("\"failure_code\":\"no_payment_method\"") && data.contains("\"subscription_id\":" + subscription), data);
    }

    @Test
    void unsignedBadlySignedAndStaleWebhooksAreRefusedAndChangeNothing() {
        Checkout c = checkout("tok_delayed");
        confirm(c, 800, 0);
        String charge = SANDBOX.chargesFor(c.paymentId()).getFirst().path("id").asString();
        byte[] forged = ("{\"id\":\"evt_forged" + c.paymentId() + "\",\"type\":\"charge.failed\",\"data\":{\"object\":{\"id\":\"" + charge
                + "\",\"status\":\"failed\",\"metadata\":{\"payment_id\":\"" + c.paymentId() + "\"},\"failure_code\":\"card_declined\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        assertTrue(TestHttp.isJsonError(webhook(forged, null), 400, "not signed"));
        assertTrue(TestHttp.isJsonError(webhook(forged, new WebhookSigner("whsec_guess").header(now, forged)), 400, "does not match"));
        assertTrue(TestHttp.isJsonError(webhook(forged, new WebhookSigner(WEBHOOK_SECRET).header(now - 600, forged)), 400, "tolerance"));
        assertTrue(TestHttp.isJsonError(webhook(forged, "t=" + now + ",v1=" + "ab".repeat(32)), 400, "does not match"));
        assertTrue(checkoutStatus(c.user(), c.checkoutId()).contains("\"status\":\"pending\""), "nothing changed");
        await(() -> checkoutStatus(c.user(), c.checkoutId()).contains("\"status\":\"succeeded\""));
        assertEquals(404, webhook(forged, new WebhookSigner(WEBHOOK_SECRET).header(now, forged), "paypal").statusCode());
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        long user = USERS.addAndGet(2);
        assertTrue(TestHttp.isJsonError(http.post("/api/v1/checkouts", "{\"quote_id\":7,\"payment_token\":\"tok_visa\"}",
                "Authorization", bearer(user)), 400, "Idempotency-Key"));
        assertTrue(TestHttp.isJsonError(http.post("/api/v1/checkouts", "{\"quote_id\":7,\"payment_token\":\"4242424242424242\"}",
                "Authorization", bearer(user), "Idempotency-Key", "k1"), 400, "payment_token"));
        assertTrue(TestHttp.isJsonError(http.post("/api/v1/checkouts", "{\"quote_id\":-3,\"payment_token\":\"tok_visa\"}",
                "Authorization", bearer(user), "Idempotency-Key", "k2"), 400, "quote_id"));
        assertEquals(401, http.post("/api/v1/checkouts", "{\"quote_id\":7,\"payment_token\":\"tok_visa\"}", "Idempotency-Key", "k3").statusCode());
        assertTrue(TestHttp.isJsonError(http.get("/api/v1/checkouts/abc", "Authorization", bearer(user)), 400, "positive integer"));
        assertTrue(TestHttp.isJsonError(http.get("/api/v1/payments/99999999998", "Authorization", bearer(user)), 404, "not found"));
        // An event that breaks its contract is refused (the eventing layer dead-letters it), not retried forever.
        assertEquals(400, deliver("/internal/events/discount-events", EventTypes.QUOTE_CONFIRMED, UUID.randomUUID().toString(),
                "{\"checkout_id\":1}").statusCode());
    }

    // --- helpers

    private Checkout checkout(String token) {
        long user = USERS.addAndGet(2);
        HttpResponse<String> created = http.post("/api/v1/checkouts", "{\"quote_id\":" + user + ",\"payment_token\":\"" + token + "\"}",
                "Authorization", bearer(user), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(202, created.statusCode(), created.body());
        return new Checkout(user, number(created.body(), "checkout_id"), number(created.body(), "payment_id"));
    }

    private void confirm(Checkout c, long amount, int trialDays) {
        HttpResponse<String> delivered = deliver("/internal/events/discount-events", EventTypes.QUOTE_CONFIRMED, UUID.randomUUID().toString(),
                quoteConfirmed(c.user(), c.checkoutId(), c.paymentId(), amount, trialDays));
        assertEquals(202, delivered.statusCode(), delivered.body());
    }

    private static String quoteConfirmed(long user, long checkoutId, long paymentId, long amount, int trialDays) {
        return "{\"checkout_id\":" + checkoutId + ",\"payment_id\":" + paymentId + ",\"user_id\":" + user + ",\"quote_id\":" + user
                + ",\"plan_id\":\"premium\",\"period\":\"month\",\"max_profiles\":4,\"trial_days\":" + trialDays + ",\"list_price\":1499,"
                + "\"amount\":" + amount + ",\"currency\":\"EUR\",\"promo_code\":\"SPRING\",\"points_used\":0}";
    }

    private HttpResponse<String> deliver(String path, String type, String id, String data) {
        return http.send(http.request(path).header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/cinemaabyss/test")
                .header("ce-type", type).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(data)));
    }

    private HttpResponse<String> webhook(byte[] body, String signature) {
        return webhook(body, signature, "sandbox");
    }

    private HttpResponse<String> webhook(byte[] body, String signature, String provider) {
        HttpRequest.Builder request = http.request("/api/v1/payments/webhooks/" + provider).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(WebhookSigner.HEADER, signature);
        }
        return http.send(request);
    }

    private String checkoutStatus(long user, long checkoutId) {
        return http.get("/api/v1/checkouts/" + checkoutId, "Authorization", bearer(user)).body();
    }

    /** The renewal payment of a user: among the payments the legacy view shows for them, the one for a renewal. */
    private long renewalPaymentOf(long user) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (long candidate : EventsOnKafka.paymentsOf(user)) {
                if (http.get("/api/v1/payments/" + candidate, "Authorization", bearer(user)).body().contains("\"purpose\":\"renewal\"")) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("no renewal payment for user " + user);
    }

    /** {@code payments_settled_total} of checkouts with {@code outcome}, from the scrape endpoint Prometheus reads. */
    private double settled(String outcome) {
        String series = "payments_settled_total{outcome=\"" + outcome + "\",purpose=\"checkout\"} ";
        return http.get("/actuator/prometheus").body().lines().filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length()).strip())).findFirst().orElse(0);
    }

    private static void await(Supplier<Boolean> condition) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.get()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String bearer(long user) {
        return TestIdentity.shared().bearer(user);
    }

    private static String admin() {
        return TestIdentity.shared().bearer(2, "admin");
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }
}
