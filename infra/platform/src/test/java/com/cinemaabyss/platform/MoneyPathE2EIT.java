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

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String PREMIUM = "premium-year";
    private static final long PREMIUM_EUR = 17999;
    private static LocalPlatform platform;
    private static TestHttp gateway;
    private static Viewer admin;
    /** Every checkout the journeys made, for the invariants at the end. */
    private static final List<Checkout> checkouts = new ArrayList<>();

    record Checkout(Viewer viewer, long checkoutId, long paymentId) {
    }

    @BeforeAll
    static void start() {
        platform = E2EPlatform.platform();
        gateway = E2EPlatform.gateway();
        admin = Viewer.login(E2EPlatform.ADMIN_EMAIL, E2EPlatform.ADMIN_PASSWORD);
    }

    @Test
    @Order(1)
    void aPromoCodeCheckoutBuysOneSubscriptionOnceAndARefundEndsIt() {
        HttpResponse<String> plans = gateway.get("/api/v1/plans");
        assertEquals(200, plans.statusCode(), plans.body());
        assertTrue(plans.body().contains("\"" + PREMIUM + "\"") && plans.body().contains("\"basic-month\""), "seeded, and public");

        Viewer alice = Viewer.register("alice");
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
        await("loyalty points for " + alice.email, () -> json(alice.get("/api/v1/loyalty/me")).get("balance").asLong() == points);

        // The legacy API shows the same payment and subscription under the same ids.
        await("the legacy payments of " + alice.userId, () -> gateway.get("/api/payments?user_id=" + alice.userId).body()
                .contains("\"id\":" + checkout.paymentId() + ",\"user_id\":" + alice.userId + ",\"amount\":161.99"));
        await("the legacy subscriptions of " + alice.userId, () -> gateway.get("/api/subscriptions?user_id=" + alice.userId).body()
                .contains("\"plan_type\":\"" + PREMIUM + "\""));

        HttpResponse<String> byViewer = alice.post("/api/v1/payments/" + checkout.paymentId() + "/refunds", "{}");
        assertTrue(TestHttp.isJsonError(byViewer, 403, "admin"), byViewer.statusCode() + " " + byViewer.body());
        HttpResponse<String> refund = admin.post("/api/v1/payments/" + checkout.paymentId() + "/refunds", "{}");
        assertTrue(refund.statusCode() / 100 == 2, refund.statusCode() + " " + refund.body());
        alice.awaitEntitlement(false);
        await("points clawed back from " + alice.email, () -> json(alice.get("/api/v1/loyalty/me")).get("balance").asLong() == 0);
        HttpResponse<String> twice = admin.post("/api/v1/payments/" + checkout.paymentId() + "/refunds", "{}");
        assertEquals(409, twice.statusCode(), "nothing left to refund: " + twice.body());
    }

    @Test
    @Order(2)
    void aDeclinedCardBuysNothingAndGivesThePromoUseBack() {
        String code = promoCode(20, 1, 1);
        Viewer bob = Viewer.register("bob");
        Checkout declined = bob.checkout(bob.quote(PREMIUM, code), "tok_chargeDeclined");
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
        Checkout paid = bob.checkout(again[0], "tok_visa");
        assertEquals("succeeded", settled(paid).get("status").asString());
        bob.awaitEntitlement(true);
        HttpResponse<String> exhausted = Viewer.register("carol").post("/api/v1/quotes",
                "{\"plan_id\":\"" + PREMIUM + "\",\"promo_code\":\"" + code + "\"}");
        assertTrue(TestHttp.isJsonError(exhausted, 409, "promo_exhausted"), exhausted.statusCode() + " " + exhausted.body());
    }

    @Test
    @Order(2)
    void aDuplicatedWebhookADelayedOneAndATrialEachCountOnce() {
        Viewer dave = Viewer.register("dave");
        Checkout duplicated = dave.checkout(dave.quote(PREMIUM, null), "tok_duplicateWebhook");
        assertEquals("succeeded", settled(duplicated).get("status").asString());
        dave.awaitEntitlement(true);
        JsonNode subscription = json(dave.get("/api/v1/subscriptions/me"));
        assertEquals(Instant.parse(subscription.get("period_start").asString()).plus(Duration.ofDays(365)),
                Instant.parse(subscription.get("period_end").asString()), "two webhooks, one year");
        await("dave's points", () -> json(dave.get("/api/v1/loyalty/me")).get("balance").asLong() == PREMIUM_EUR / 100);

        Viewer erin = Viewer.register("erin");
        Checkout delayed = erin.checkout(erin.quote(PREMIUM, null), "tok_delayed");
        assertEquals("pending", json(erin.get("/api/v1/checkouts/" + delayed.checkoutId())).get("status").asString(),
                "the provider answers a delayed card later");
        assertEquals("succeeded", settled(delayed).get("status").asString());
        erin.awaitEntitlement(true);

        Viewer frank = Viewer.register("frank");
        JsonNode trialQuote = frank.quote("basic-month", null);
        Checkout trial = frank.checkout(trialQuote, "tok_visa");
        assertEquals("succeeded", settled(trial).get("status").asString());
        assertEquals("trialing", frank.awaitSubscription("trialing").get("status").asString(), "the basic plan's 7-day trial");
        assertEquals(0, json(frank.get("/api/v1/payments/" + trial.paymentId())).get("amount").asLong(), "a card check, no money");
        Checkout second = frank.checkout(frank.quote("basic-month", null), "tok_visa");
        assertEquals("succeeded", settled(second).get("status").asString());
        assertEquals(799, json(frank.get("/api/v1/payments/" + second.paymentId())).get("amount").asLong(), "one trial per user");
    }

    @Test
    @Order(3)
    void fiftyConcurrentCheckoutsUseALimitedCodeExactlyItsLimit() throws Exception {
        int limit = 10;
        String code = promoCode(50, limit, 2);
        List<Viewer> buyers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            buyers.add(Viewer.register("rush" + i));
        }
        List<Callable<Checkout>> attempts = new ArrayList<>();
        for (Viewer buyer : buyers) {
            for (int i = 0; i < 2; i++) {
                JsonNode quote = buyer.quote(PREMIUM, code);
                attempts.add(() -> buyer.checkout(quote, "tok_visa"));
            }
        }
        buyers.forEach(Viewer::logInAgain); // fresh tokens, so the burst is all checkouts and no logins
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
        Viewer grace = Viewer.register("grace");
        JsonNode quote = grace.quote(PREMIUM, null);
        // The provider answers a delayed card 3 s after the charge: payments is gone when its webhook comes (the gateway
        // answers 503 and the provider retries), and subscriptions is gone when payments, back, announces the payment.
        Checkout checkout = grace.checkout(quote, "tok_delayed");
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
        Map<Viewer, List<Checkout>> byViewer = checkouts.stream().collect(Collectors.groupingBy(Checkout::viewer));
        for (Map.Entry<Viewer, List<Checkout>> entry : byViewer.entrySet()) {
            Viewer viewer = entry.getKey();
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
                    viewer.email + ": access exactly when a payment succeeded and was not refunded: " + entitlement);
        }
        for (EventingBridge.Health subscription : platform.bridgeHealth()) {
            assertEquals(0, subscription.parked(), subscription.subscription() + " parked events in the dead-letter topic: " + subscription);
        }
    }

    private static String promoCode(int percent, int maxUses, int perUser) {
        String code = "E2E" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        HttpResponse<String> created = admin.post("/api/v1/promo-codes", "{\"code\":\"" + code + "\",\"kind\":\"percent\",\"percent\":"
                + percent + ",\"max_uses\":" + maxUses + ",\"per_user_limit\":" + perUser + "}");
        assertEquals(201, created.statusCode(), created.body());
        return code;
    }

    private static String checkoutBody(JsonNode quote, String token) {
        return "{\"quote_id\":" + quote.get("quote_id").asLong() + ",\"payment_token\":\"" + token + "\"}";
    }

    private static Checkout checkout(Viewer viewer, HttpResponse<String> accepted) {
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

    /** The body of a 200, or null while the function behind it is away (a 503 from the gateway). */
    private static JsonNode jsonOrNull(HttpResponse<String> response) {
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static void await(String what, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + SETTLE.toSeconds() + " s");
            }
            sleep(400);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A signed-in viewer; logs in again when the platform's short-lived access token is about to expire. */
    static final class Viewer {

        private final String email;
        private final String password;
        private long userId;
        private String token;
        private long tokenAt;

        private Viewer(String email, String password) {
            this.email = email;
            this.password = password;
        }

        static Viewer register(String name) {
            Viewer viewer = new Viewer(name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@money.test", "a long enough passphrase " + name);
            HttpResponse<String> registered = gateway.post("/api/auth/register",
                    "{\"email\":\"" + viewer.email + "\",\"password\":\"" + viewer.password + "\",\"username\":\"" + name + "\"}");
            assertEquals(201, registered.statusCode(), registered.body());
            viewer.userId = JSON.readTree(registered.body()).get("user_id").asLong();
            return viewer;
        }

        static Viewer login(String email, String password) {
            Viewer viewer = new Viewer(email, password);
            viewer.bearer();
            return viewer;
        }

        synchronized String bearer() {
            if (token == null || System.nanoTime() - tokenAt > E2EPlatform.ACCESS_TTL.minusSeconds(3).toNanos()) {
                HttpResponse<String> login = gateway.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
                for (int retry = 0; login.statusCode() == 503 && retry < 5; retry++) {
                    sleep(500); // busy (the machine runs the whole platform): a 503 says try again
                    login = gateway.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
                }
                assertEquals(200, login.statusCode(), login.body());
                token = "Bearer " + JSON.readTree(login.body()).get("access_token").asString();
                tokenAt = System.nanoTime();
            }
            return token;
        }

        synchronized void logInAgain() {
            token = null;
            bearer();
        }

        HttpResponse<String> get(String path) {
            return gateway.get(path, "Authorization", bearer());
        }

        HttpResponse<String> post(String path, String body, String... headers) {
            List<String> all = new ArrayList<>(List.of("Authorization", bearer()));
            all.addAll(List.of(headers));
            return gateway.post(path, body, all.toArray(String[]::new));
        }

        JsonNode quote(String plan, String code) {
            HttpResponse<String> quote = post("/api/v1/quotes", "{\"plan_id\":\"" + plan + "\"" + (code == null ? "" : ",\"promo_code\":\"" + code + "\"") + "}");
            assertEquals(201, quote.statusCode(), quote.body());
            return JSON.readTree(quote.body());
        }

        Checkout checkout(JsonNode quote, String token) {
            return MoneyPathE2EIT.checkout(this, post("/api/v1/checkouts", checkoutBody(quote, token), "Idempotency-Key", UUID.randomUUID().toString()));
        }

        JsonNode awaitEntitlement(boolean active) {
            JsonNode[] last = new JsonNode[1];
            await(email + "'s entitlement to be " + active, () -> {
                last[0] = jsonOrNull(get("/api/v1/entitlements/me"));
                return last[0] != null && last[0].get("active").asBoolean() == active;
            });
            return last[0];
        }

        JsonNode awaitSubscription(String status) {
            JsonNode[] last = new JsonNode[1];
            await(email + "'s subscription to be " + status, () -> {
                HttpResponse<String> mine = get("/api/v1/subscriptions/me");
                last[0] = mine.statusCode() == 200 ? JSON.readTree(mine.body()) : null;
                return last[0] != null && last[0].get("status").asString().equals(status);
            });
            return last[0];
        }
    }
}
