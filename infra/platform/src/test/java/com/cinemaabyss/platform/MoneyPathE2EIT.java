package com.cinemaabyss.platform;

import com.cinemaabyss.kit.test.TestHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static com.cinemaabyss.platform.E2EViewer.JSON;
import static com.cinemaabyss.platform.E2EViewer.SETTLE;
import static com.cinemaabyss.platform.E2EViewer.await;
import static com.cinemaabyss.platform.E2EViewer.json;
import static com.cinemaabyss.platform.E2EViewer.jsonOrNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The money path through the gateway with signed-in users, on the whole platform (real Kafka, DynamoDB Local, the
 * sandbox provider): quotes with promo codes, checkouts, the provider's webhooks, subscriptions and entitlements,
 * refunds, and a function killed in the middle of a checkout. Every journey ends by checking the path's invariants:
 * no money without access, no access without money, one charge per payment, no promo use beyond its limit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MoneyPathE2EIT {

    private static final String PREMIUM = "premium-year";
    private static final long PREMIUM_EUR = 17999;
    private static LocalPlatform platform;
    private static TestHttp gateway;
    private static E2EViewer admin;
    /** Every checkout the journeys made, for the invariants at the end. */
    private static final List<Checkout> checkouts = new ArrayList<>();

    record Checkout(E2EViewer viewer, long checkoutId, long paymentId) {
    }

    @BeforeAll
    static void start() {
        platform = E2EPlatform.platform();
        gateway = E2EPlatform.gateway();
        admin = E2EViewer.login(E2EPlatform.ADMIN_EMAIL, E2EPlatform.ADMIN_PASSWORD);
    }

    @Test
    @Order(1)
    void aPromoCodeCheckoutBuysOneSubscriptionOnceAndARefundEndsIt() {
        HttpResponse<String> plans = gateway.get("/api/v1/plans");
        assertEquals(200, plans.statusCode(), plans.body());
        assertTrue(plans.body().contains("\"" + PREMIUM + "\"") && plans.body().contains("\"basic-month\""), "seeded, and public");

        E2EViewer alice = E2EViewer.register("alice");
        JsonNode quote = alice.quote(PREMIUM, "WELCOME10");
        assertEquals(PREMIUM_EUR, quote.get("list_price").asLong());
        assertEquals(PREMIUM_EUR - 1800, quote.get("final_price").asLong(), "10 % off, rounded to the cent");

        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = alice.post("/api/v1/checkouts", checkoutBody(quote, "tok_visa"), "Idempotency-Key", key);
        HttpResponse<String> again = alice.post("/api/v1/checkouts", checkoutBody(quote, "tok_visa"), "Idempotency-Key", key);
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(first.body(), again.body(), "the same Idempotency-Key is the same checkout");
        Checkout checkout = checkout(alice, first);

        assertEquals("succeeded", settled(checkout).get("status").asString());
        JsonNode entitlement = alice.awaitEntitlement(true);
        assertEquals(PREMIUM, entitlement.get("plan_id").asString());
        JsonNode payment = json(alice.get("/api/v1/payments/" + checkout.paymentId()));
        assertEquals(PREMIUM_EUR - 1800, payment.get("amount").asLong(), "charged what was quoted");
        assertEquals(1, charges(checkout.paymentId()), "one charge at the provider for two identical requests");
        JsonNode subscription = json(alice.get("/api/v1/subscriptions/me"));
        assertEquals("active", subscription.get("status").asString());
        assertEquals(Instant.parse(subscription.get("period_start").asString()).plus(Duration.ofDays(365)),
                Instant.parse(subscription.get("period_end").asString()), "one year bought, one year given");
        long points = (PREMIUM_EUR - 1800) / 100;
        await("loyalty points for " + alice.email(), () -> json(alice.get("/api/v1/loyalty/me")).get("balance").asLong() == points);

        // The mail a person would open over IMAP (the local GreenMail, login and password the address): the welcome with
        // its verification link from the registration, and the receipt of this payment with the promo code's discount.
        await("the welcome and the receipt in " + alice.email() + "'s mailbox", () -> {
            List<LocalMail.Mail> inbox = platform.mail().inbox(alice.email());
            return inbox.stream().anyMatch(m -> m.subject().startsWith("Welcome to CinemaAbyss") && m.text().contains("/#/verify-email?token="))
                    && inbox.stream().anyMatch(m -> m.subject().startsWith("Your CinemaAbyss receipt") && m.text().contains("Discount: -€18.00")
                    && m.text().contains("Charged: €161.99") && m.text().contains("Plan: " + PREMIUM));
        });
        assertEquals(2, platform.mail().inbox(alice.email()).size(), "one mail per event: " + platform.mail().inbox(alice.email()));

        // The legacy API shows the same payment and subscription under the same ids.
        await("the legacy payments of " + alice.userId(), () -> gateway.get("/api/payments?user_id=" + alice.userId()).body()
                .contains("\"id\":" + checkout.paymentId() + ",\"user_id\":" + alice.userId() + ",\"amount\":161.99"));
        await("the legacy subscriptions of " + alice.userId(), () -> gateway.get("/api/subscriptions?user_id=" + alice.userId()).body()
                .contains("\"plan_type\":\"" + PREMIUM + "\""));

        HttpResponse<String> byViewer = alice.post("/api/v1/payments/" + checkout.paymentId() + "/refunds", "{}");
        assertTrue(TestHttp.isJsonError(byViewer, 403, "admin"), byViewer.statusCode() + " " + byViewer.body());
        HttpResponse<String> refund = admin.post("/api/v1/payments/" + checkout.paymentId() + "/refunds", "{}");
        assertTrue(refund.statusCode() / 100 == 2, refund.statusCode() + " " + refund.body());
        alice.awaitEntitlement(false);
        await("points clawed back from " + alice.email(), () -> json(alice.get("/api/v1/loyalty/me")).get("balance").asLong() == 0);
        HttpResponse<String> twice = admin.post("/api/v1/payments/" + checkout.paymentId() + "/refunds", "{}");
        assertEquals(409, twice.statusCode(), "nothing left to refund: " + twice.body());
    }

    @Test
    @Order(2)
    void aDeclinedCardBuysNothingAndGivesThePromoUseBack() {
        String code = promoCode(20, 1, 1);
        E2EViewer bob = E2EViewer.register("bob");
        Checkout declined = checkout(bob, bob.quote(PREMIUM, code), "tok_chargeDeclined");
        JsonNode failed = settled(declined);
        assertEquals("failed", failed.get("status").asString());
        assertTrue(failed.path("reason").asString().toLowerCase().contains("declined"), failed.toString());
        assertFalse(json(bob.get("/api/v1/entitlements/me")).get("active").asBoolean(), "no money, no access");

        // The code has one use, for one user: only a released use lets bob quote and buy with it again.
        JsonNode[] again = new JsonNode[1];
        await("the promo use released", () -> {
            HttpResponse<String> quote = bob.post("/api/v1/quotes", "{\"plan_id\":\"" + PREMIUM + "\",\"promo_code\":\"" + code + "\"}");
            again[0] = quote.statusCode() == 201 ? JSON.readTree(quote.body()) : null;
            return again[0] != null;
        });
        Checkout paid = checkout(bob, again[0], "tok_visa");
        assertEquals("succeeded", settled(paid).get("status").asString());
        bob.awaitEntitlement(true);
        HttpResponse<String> exhausted = E2EViewer.register("carol").post("/api/v1/quotes",
                "{\"plan_id\":\"" + PREMIUM + "\",\"promo_code\":\"" + code + "\"}");
        assertTrue(TestHttp.isJsonError(exhausted, 409, "promo_exhausted"), exhausted.statusCode() + " " + exhausted.body());
    }

    @Test
    @Order(2)
    void aDuplicatedWebhookADelayedOneAndATrialEachCountOnce() {
        E2EViewer dave = E2EViewer.register("dave");
        Checkout duplicated = checkout(dave, dave.quote(PREMIUM, null), "tok_duplicateWebhook");
        assertEquals("succeeded", settled(duplicated).get("status").asString());
        dave.awaitEntitlement(true);
        JsonNode subscription = json(dave.get("/api/v1/subscriptions/me"));
        assertEquals(Instant.parse(subscription.get("period_start").asString()).plus(Duration.ofDays(365)),
                Instant.parse(subscription.get("period_end").asString()), "two webhooks, one year");
        await("dave's points", () -> json(dave.get("/api/v1/loyalty/me")).get("balance").asLong() == PREMIUM_EUR / 100);

        E2EViewer erin = E2EViewer.register("erin");
        Checkout delayed = checkout(erin, erin.quote(PREMIUM, null), "tok_delayed");
        assertEquals("pending", json(erin.get("/api/v1/checkouts/" + delayed.checkoutId())).get("status").asString(),
                "the provider answers a delayed card later");
        assertEquals("succeeded", settled(delayed).get("status").asString());
        erin.awaitEntitlement(true);

        E2EViewer frank = E2EViewer.register("frank");
        JsonNode trialQuote = frank.quote("basic-month", null);
        Checkout trial = checkout(frank, trialQuote, "tok_visa");
        assertEquals("succeeded", settled(trial).get("status").asString());
        assertEquals("trialing", frank.awaitSubscription("trialing").get("status").asString(), "the basic plan's 7-day trial");
        assertEquals(0, json(frank.get("/api/v1/payments/" + trial.paymentId())).get("amount").asLong(), "a card check, no money");
        Checkout second = checkout(frank, frank.quote("basic-month", null), "tok_visa");
        assertEquals("succeeded", settled(second).get("status").asString());
        assertEquals(799, json(frank.get("/api/v1/payments/" + second.paymentId())).get("amount").asLong(), "one trial per user");
    }

    @Test
    @Order(3)
    void fiftyConcurrentCheckoutsUseALimitedCodeExactlyItsLimit() throws Exception {
        int limit = 10;
        String code = promoCode(50, limit, 2);
        List<E2EViewer> buyers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            buyers.add(E2EViewer.register("rush" + i));
        }
        List<Callable<Checkout>> attempts = new ArrayList<>();
        for (E2EViewer buyer : buyers) {
            for (int i = 0; i < 2; i++) {
                JsonNode quote = buyer.quote(PREMIUM, code);
                attempts.add(() -> checkout(buyer, quote, "tok_visa"));
            }
        }
        buyers.forEach(E2EViewer::logInAgain); // fresh tokens, so the burst is all checkouts and no logins
        List<Checkout> started = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (Future<Checkout> attempt : pool.invokeAll(attempts)) {
                started.add(attempt.get());
            }
        }
        Map<String, Long> outcomes = started.stream().map(MoneyPathE2EIT::settled)
                .collect(Collectors.groupingBy(c -> c.get("status").asString() + ":" + c.path("reason_code").asString(""),
                        Collectors.counting()));
        assertEquals(Map.of("succeeded:", (long) limit, "failed:promo_exhausted", 50L - limit), outcomes);
    }

    @Test
    @Order(4)
    void aFunctionKilledMidCheckoutLeavesNothingHalfDoneOnceItIsBack() {
        E2EViewer grace = E2EViewer.register("grace");
        JsonNode quote = grace.quote(PREMIUM, null);
        // The provider answers a delayed card 3 s after the charge: payments is gone when its webhook comes (the gateway
        // answers 503 and the provider retries), and subscriptions is gone when payments, back, announces the payment.
        Checkout checkout = checkout(grace, quote, "tok_delayed");
        await("the provider's charge of payment " + checkout.paymentId(), () -> charges(checkout.paymentId()) == 1);
        platform.killService("payments");
        platform.killService("subscriptions");
        platform.restartService("payments");
        assertEquals("succeeded", settled(checkout).get("status").asString(), "the provider's retried webhook, taken after the restart");
        platform.restartService("subscriptions");
        grace.awaitEntitlement(true);
        assertEquals(1, charges(checkout.paymentId()));
    }

    @Test
    @Order(5)
    void theInvariantsHoldForEveryCheckoutOnceThePlatformSettles() throws Exception {
        // Nothing still in flight: every money-path subscription has delivered all there is.
        ConsumerLag.awaitZero(platform.kafkaBootstrapServers(), platform.wiring().subscriptions().stream()
                .filter(s -> KnativeWiringTest.MONEY_PATH.contains(s.name())).toList(), SETTLE);
        Map<E2EViewer, List<Checkout>> byViewer = checkouts.stream().collect(Collectors.groupingBy(Checkout::viewer));
        for (Map.Entry<E2EViewer, List<Checkout>> entry : byViewer.entrySet()) {
            E2EViewer viewer = entry.getKey();
            boolean paidAndKept = false;
            for (Checkout checkout : entry.getValue()) {
                JsonNode payment = json(viewer.get("/api/v1/payments/" + checkout.paymentId()));
                String status = payment.get("status").asString();
                int charged = charges(checkout.paymentId());
                assertTrue(charged <= 1, "payment " + checkout.paymentId() + " charged " + charged + " times");
                if (status.equals("succeeded")) {
                    assertEquals(1, charged, "a succeeded payment was charged");
                    paidAndKept = true;
                }
            }
            JsonNode entitlement = json(viewer.get("/api/v1/entitlements/me"));
            assertEquals(paidAndKept, entitlement.get("active").asBoolean(),
                    viewer.email() + ": access exactly when a payment succeeded and was not refunded: " + entitlement);
        }
        for (EventingBridge.Health subscription : platform.bridgeHealth()) {
            if (!E2EPlatform.PARKS_ON_PURPOSE.contains(subscription.subscription())) {
                assertEquals(0, subscription.parked(), subscription.subscription() + " parked events in the dead-letter topic: " + subscription);
            }
        }
    }

    private static String promoCode(int percent, int maxUses, int perUser) {
        String code = "E2E" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        HttpResponse<String> created = admin.post("/api/v1/promo-codes", "{\"code\":\"" + code + "\",\"kind\":\"percent\",\"percent\":"
                + percent + ",\"max_uses\":" + maxUses + ",\"per_user_limit\":" + perUser + "}");
        assertEquals(201, created.statusCode(), created.body());
        return code;
    }

    private static Checkout checkout(E2EViewer viewer, JsonNode quote, String token) {
        return checkout(viewer, viewer.post("/api/v1/checkouts", checkoutBody(quote, token), "Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static String checkoutBody(JsonNode quote, String token) {
        return "{\"quote_id\":" + quote.get("quote_id").asLong() + ",\"payment_token\":\"" + token + "\"}";
    }

    private static Checkout checkout(E2EViewer viewer, HttpResponse<String> accepted) {
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode body = JSON.readTree(accepted.body());
        assertEquals("pending", body.get("status").asString());
        Checkout checkout = new Checkout(viewer, body.get("checkout_id").asLong(), body.get("payment_id").asLong());
        synchronized (checkouts) {
            checkouts.add(checkout);
        }
        return checkout;
    }

    /** The checkout once it is no longer pending. */
    private static JsonNode settled(Checkout checkout) {
        JsonNode[] last = new JsonNode[1];
        await("checkout " + checkout.checkoutId() + " to settle", () -> {
            last[0] = jsonOrNull(checkout.viewer().get("/api/v1/checkouts/" + checkout.checkoutId()));
            return last[0] != null && !last[0].get("status").asString().equals("pending");
        });
        return last[0];
    }

    /** How many charges the sandbox provider made for the payment. */
    private static int charges(long paymentId) {
        HttpRequest request = HttpRequest.newBuilder(platform.sandboxUrl().resolve("/v1/charges?payment_id=" + paymentId))
                .header("Authorization", "Bearer " + platform.sandboxApiKey()).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> listed = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, listed.statusCode(), listed.body());
            return JSON.readTree(listed.body()).get("data").size();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

}
