package com.cinemaabyss.discounts;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.discounts.store.PromoStore;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static com.cinemaabyss.kit.test.TestHttp.isJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** discounts against the shared Kafka and DynamoDB Local: the routes, who may call them, and the saga's steps. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cinemaabyss.discounts.seed-demo=true")
class DiscountsApiIT {

    private static final Duration SETTLE = Duration.ofMillis(1500);

    @LocalServerPort
    int port;
    @Autowired
    PromoStore promos;
    TestHttp http;
    String admin;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
        TestIdentity.shared().properties().forEach(registry::add);
    }

    @BeforeAll
    static void topics() {
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(Topics.DISCOUNT_EVENTS, 1, (short) 1)));
    }

    @BeforeEach
    void setUp() {
        http = TestHttp.at(port);
        admin = TestIdentity.shared().bearer(newId(), "admin");
    }

    // --- plans

    @Test
    void plansArePublicTheDemoOnesAreSeededAndOnlyAdminsChangeThem() {
        HttpResponse<String> plans = http.get("/api/v1/plans");
        assertEquals(200, plans.statusCode());
        assertTrue(plans.body().contains("\"id\":\"basic-month\"") && plans.body().contains("\"trial_days\":7"), plans.body());

        String body = "{\"name\":\"Family\",\"period\":\"month\",\"prices\":{\"EUR\":1999},\"max_profiles\":6}";
        assertTrue(isJsonError(http.put("/api/v1/plans/family-month", body), 401, "authentication required"));
        assertTrue(isJsonError(http.put("/api/v1/plans/family-month", body, "Authorization", user(newId())), 403, "admin"));
        HttpResponse<String> put = http.put("/api/v1/plans/family-month", body, "Authorization", admin);
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("family-month", json(put).path("id").asString());
        assertEquals(0, json(put).path("trial_days").asInt());
        assertTrue(http.get("/api/v1/plans").body().contains("\"id\":\"family-month\""));

        assertTrue(isJsonError(http.put("/api/v1/plans/family-month", body.replace("month\"", "week\""), "Authorization", admin), 400, "period"));
        assertTrue(isJsonError(http.put("/api/v1/plans/family-month", body.replace("1999", "-1"), "Authorization", admin), 400, "prices.EUR"));
        assertTrue(isJsonError(http.put("/api/v1/plans/family-month", body.replace("EUR", "euro"), "Authorization", admin), 400, "ISO 4217"));
        assertTrue(isJsonError(http.put("/api/v1/plans/Family_Month", body, "Authorization", admin), 400, "plan id"));
    }

    @Test
    void anIdempotencyKeyBelongsToItsUserWhicheverTokenTheyHold() {
        String body = "{\"plan_id\":\"" + plan(0) + "\"}";
        String key = UUID.randomUUID().toString();
        long alice = newId();
        HttpResponse<String> first = http.post("/api/v1/quotes", body, "Authorization", user(alice), "Idempotency-Key", key);
        HttpResponse<String> retried = http.post("/api/v1/quotes", body, "Authorization", user(alice), "Idempotency-Key", key);
        assertEquals("true", retried.headers().firstValue("Idempotency-Replayed").orElse(""), "a new token, the same user: a retry");
        assertEquals(quoteId(first), quoteId(retried));
        HttpResponse<String> bobs = http.post("/api/v1/quotes", body, "Authorization", user(newId()), "Idempotency-Key", key);
        assertEquals("", bobs.headers().firstValue("Idempotency-Replayed").orElse(""), "another user's key is never replayed");
        assertTrue(quoteId(bobs) != quoteId(first));
    }

    // --- promo codes

    @Test
    void onlyAdminsCreatePromoCodesOnceEachAndRetriesWithTheSameKeyReplay() {
        String code = code();
        String body = "{\"code\":\"" + code + "\",\"kind\":\"fixed\",\"amounts\":{\"EUR\":200},\"max_uses\":5,\"per_user_limit\":2}";
        assertTrue(isJsonError(http.post("/api/v1/promo-codes", body), 401, "authentication required"));
        assertTrue(isJsonError(http.post("/api/v1/promo-codes", body, "Authorization", user(newId())), 403, "admin"));
        String key = UUID.randomUUID().toString();
        HttpResponse<String> created = http.post("/api/v1/promo-codes", body, "Authorization", admin, "Idempotency-Key", key);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(code, json(created).path("code").asString());
        assertEquals(0, json(created).path("uses").asInt());
        HttpResponse<String> replayed = http.post("/api/v1/promo-codes", body, "Authorization", admin, "Idempotency-Key", key);
        assertEquals(201, replayed.statusCode());
        assertEquals("true", replayed.headers().firstValue("Idempotency-Replayed").orElse(""));
        assertEquals(created.body(), replayed.body());
        assertTrue(isJsonError(http.post("/api/v1/promo-codes", body, "Authorization", admin), 409, "exists already"));
        assertTrue(isJsonError(http.post("/api/v1/promo-codes", "{\"code\":\"" + code() + "\",\"kind\":\"percent\",\"percent\":150,\"max_uses\":5}",
                "Authorization", admin), 400, "percent"));
        assertTrue(isJsonError(http.post("/api/v1/promo-codes", "{\"code\":\"" + code() + "\",\"kind\":\"percent\",\"percent\":10}",
                "Authorization", admin), 400, "max_uses"));
    }

    // --- quotes

    @Test
    void quotesNeedACallerAndSayWhatIsWrongWithTheirCode() {
        long me = newId();
        String plan = plan(0);
        assertTrue(isJsonError(http.post("/api/v1/quotes", "{\"plan_id\":\"" + plan + "\"}"), 401, "authentication required"));
        assertTrue(isJsonError(http.post("/api/v1/quotes", "{\"plan_id\":\"" + plan + "\"}", "Authorization", "Bearer not.a.token"), 401, ""));
        assertTrue(isJsonError(quote(me, "no-such-plan", null, false, null), 400, "there is no plan no-such-plan"));
        assertTrue(isJsonError(quote(me, plan, "NOSUCHCODE", false, null), 400, "promo_not_found"));
        assertTrue(isJsonError(quote(me, plan, null, false, "JPY"), 400, "not priced in JPY"));

        String expired = code();
        assertEquals(201, createCode("{\"code\":\"" + expired + "\",\"kind\":\"percent\",\"percent\":10,\"max_uses\":5,"
                + "\"valid_from\":\"2020-01-01T00:00:00Z\",\"valid_until\":\"2020-02-01T00:00:00Z\"}").statusCode());
        assertTrue(isJsonError(quote(me, plan, expired, false, null), 400, "promo_expired"));
        String otherPlan = code();
        assertEquals(201, createCode("{\"code\":\"" + otherPlan + "\",\"kind\":\"percent\",\"percent\":10,\"max_uses\":5,\"plan_ids\":[\"premium-year\"]}").statusCode());
        assertTrue(isJsonError(quote(me, plan, otherPlan, false, null), 400, "does not apply to plan"));

        String ten = percentCode(10, 100, 1);
        HttpResponse<String> quote = quote(me, plan, ten.toLowerCase(), false, "EUR");
        assertEquals(201, quote.statusCode(), quote.body());
        JsonNode q = json(quote);
        assertEquals(1000, q.path("list_price").asLong());
        assertEquals(900, q.path("final_price").asLong());
        assertEquals("promo", q.path("discounts").get(0).path("kind").asString());
        assertEquals(ten, q.path("discounts").get(0).path("code").asString());
        assertEquals(100, q.path("discounts").get(0).path("amount").asLong());
        assertTrue(q.path("quote_id").asLong() > 0);
        assertFalse(q.path("expires_at").asString().isEmpty());
    }

    @Test
    void theLoyaltyAccountIsTheCallersAndPointsBuyAtMostHalf() {
        long me = newId();
        assertTrue(isJsonError(http.get("/api/v1/loyalty/me"), 401, "authentication required"));
        assertEquals(0, json(http.get("/api/v1/loyalty/me", "Authorization", user(me))).path("balance").asLong());
        // A renewal of 25.00 EUR earns 25 points.
        long payment = newId();
        deliver(EventTypes.PAYMENT_SUCCEEDED, UUID.randomUUID().toString(), succeeded(payment, me, "renewal", null, 2500));
        JsonNode loyalty = json(http.get("/api/v1/loyalty/me", "Authorization", user(me)));
        assertEquals(25, loyalty.path("balance").asLong());
        assertEquals("earned", loyalty.path("recent").get(0).path("reason").asString());
        assertEquals(0, json(http.get("/api/v1/loyalty/me", "Authorization", user(newId()))).path("balance").asLong(), "another caller's account");

        // 30 minor units: at most 15 of them in points.
        String cheap = plan(0, 30);
        JsonNode q = json(quote(me, cheap, null, true, "EUR"));
        assertEquals(15, q.path("final_price").asLong());
        assertEquals("points", q.path("discounts").get(0).path("kind").asString());
    }

    // --- the saga

    @Test
    void fiftyConcurrentCheckoutsAgainstACodeOfTenConfirmExactlyTen() throws Exception {
        String plan = plan(0);
        String code = percentCode(20, 10, 1);
        List<long[]> checkouts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            List<Future<long[]>> quoted = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                long user = newId();
                long checkout = newId();
                long payment = newId();
                quoted.add(pool.submit(() -> new long[] {checkout, payment, user, quoteId(quote(user, plan, code, false, "EUR"))}));
            }
            for (Future<long[]> quote : quoted) {
                checkouts.add(quote.get());
            }
            List<Future<Integer>> answers = new ArrayList<>();
            for (long[] c : checkouts) {
                Callable<Integer> start = () -> deliverUntilTaken(EventTypes.CHECKOUT_STARTED, UUID.randomUUID().toString(), started(c[0], c[1], c[2], c[3]));
                answers.add(pool.submit(start));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(202, answer.get());
            }
        }
        List<String> ids = checkouts.stream().map(c -> Long.toString(c[0])).toList();
        List<DiscountEventsOnKafka.Published> answers = DiscountEventsOnKafka.collect(
                e -> ids.contains(e.key()) && (e.type().equals(EventTypes.QUOTE_CONFIRMED) || e.type().equals(EventTypes.QUOTE_REJECTED)), 50, SETTLE);
        assertEquals(50, answers.size());
        List<DiscountEventsOnKafka.Published> confirmed = answers.stream().filter(e -> e.type().equals(EventTypes.QUOTE_CONFIRMED)).toList();
        assertEquals(10, confirmed.size());
        confirmed.forEach(e -> {
            assertEquals(800, e.data().path("amount").asLong());
            assertEquals(code, e.data().path("promo_code").asString());
        });
        answers.stream().filter(e -> e.type().equals(EventTypes.QUOTE_REJECTED))
                .forEach(e -> assertEquals("promo_exhausted", e.data().path("reason_code").asString()));
        assertEquals(10, promos.find(code).orElseThrow().uses());
        assertTrue(isJsonError(quote(newId(), plan, code, false, null), 409, "promo_exhausted"));
    }

    @Test
    void aUserUsesACodeNoMoreOftenThanItsPerUserLimit() {
        long me = newId();
        String plan = plan(0);
        String code = percentCode(10, 100, 1);
        long first = quoteId(quote(me, plan, code, false, null));
        long second = quoteId(quote(me, plan, code, false, null));
        long checkoutA = newId();
        long checkoutB = newId();
        deliver(EventTypes.CHECKOUT_STARTED, UUID.randomUUID().toString(), started(checkoutA, newId(), me, first));
        deliver(EventTypes.CHECKOUT_STARTED, UUID.randomUUID().toString(), started(checkoutB, newId(), me, second));
        List<DiscountEventsOnKafka.Published> answers = DiscountEventsOnKafka.collect(
                e -> e.key().equals(Long.toString(checkoutA)) || e.key().equals(Long.toString(checkoutB)), 2, SETTLE);
        assertEquals(EventTypes.QUOTE_CONFIRMED, of(answers, checkoutA).type());
        assertEquals(EventTypes.QUOTE_REJECTED, of(answers, checkoutB).type());
        assertEquals("promo_user_limit_reached", of(answers, checkoutB).data().path("reason_code").asString());
        assertTrue(isJsonError(quote(me, plan, code, false, null), 409, "promo_user_limit_reached"));
        assertEquals(201, quote(newId(), plan, code, false, null).statusCode(), "another user still may");
    }

    @Test
    void aQuoteIsConfirmedOnlyForItsOwnerOnceAndOnlyIfItExists() {
        long owner = newId();
        String plan = plan(0);
        long quote = quoteId(quote(owner, plan, null, false, null));
        long stranger = newCheckout(newId(), quote);
        long missing = newCheckout(owner, 9_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000));
        long mine = newCheckout(owner, quote);
        long again = newCheckout(owner, quote);
        List<DiscountEventsOnKafka.Published> answers = DiscountEventsOnKafka.collect(
                e -> List.of(stranger, missing, mine, again).contains(Long.parseLong(e.key())), 4, SETTLE);
        assertEquals("quote_not_yours", of(answers, stranger).data().path("reason_code").asString());
        assertEquals("quote_not_found", of(answers, missing).data().path("reason_code").asString());
        assertEquals(EventTypes.QUOTE_CONFIRMED, of(answers, mine).type());
        assertEquals(1000, of(answers, mine).data().path("amount").asLong());
        assertEquals("quote_already_used", of(answers, again).data().path("reason_code").asString());
    }

    @Test
    void eachEventAndEachPaymentHasItsEffectOnce() {
        long me = newId();
        String plan = plan(0);
        String code = percentCode(10, 100, 5);
        long quote = quoteId(quote(me, plan, code, false, null));
        long checkout = newId();
        long payment = newId();
        String eventId = UUID.randomUUID().toString();
        deliver(EventTypes.CHECKOUT_STARTED, eventId, started(checkout, payment, me, quote));
        deliver(EventTypes.CHECKOUT_STARTED, eventId, started(checkout, payment, me, quote));
        deliver(EventTypes.CHECKOUT_STARTED, UUID.randomUUID().toString(), started(checkout, payment, me, quote));
        String paid = succeeded(payment, me, "checkout", checkout, 900);
        String paidEvent = UUID.randomUUID().toString();
        deliver(EventTypes.PAYMENT_SUCCEEDED, paidEvent, paid);
        deliver(EventTypes.PAYMENT_SUCCEEDED, paidEvent, paid);
        deliver(EventTypes.PAYMENT_SUCCEEDED, UUID.randomUUID().toString(), paid);

        List<DiscountEventsOnKafka.Published> events = DiscountEventsOnKafka.collect(
                e -> e.key().equals(Long.toString(checkout)) || e.key().equals(Long.toString(me)), 3, SETTLE);
        assertEquals(1, count(events, EventTypes.QUOTE_CONFIRMED));
        assertEquals(1, count(events, EventTypes.PROMO_REDEEMED));
        assertEquals(1, count(events, EventTypes.LOYALTY_POINTS_EARNED));
        assertEquals(3, events.size(), events.toString());
        assertEquals(9, json(http.get("/api/v1/loyalty/me", "Authorization", user(me))).path("balance").asLong());
        assertEquals(1, promos.find(code).orElseThrow().uses());
    }

    @Test
    void aFailedPaymentGivesTheUseAndThePointsBack() {
        long me = newId();
        String plan = plan(0);
        String code = percentCode(10, 1, 1);
        // 40 points to spend first.
        deliver(EventTypes.PAYMENT_SUCCEEDED, UUID.randomUUID().toString(), succeeded(newId(), me, "renewal", null, 4000));
        long quote = quoteId(quote(me, plan, code, true, null));
        long checkout = newId();
        long payment = newId();
        deliver(EventTypes.CHECKOUT_STARTED, UUID.randomUUID().toString(), started(checkout, payment, me, quote));
        assertEquals(1, promos.find(code).orElseThrow().uses());
        assertEquals(0, json(http.get("/api/v1/loyalty/me", "Authorization", user(me))).path("balance").asLong());
        assertTrue(isJsonError(quote(newId(), plan, code, false, null), 409, "promo_exhausted"));

        String failed = failed(payment, me, checkout, 860);
        deliver(EventTypes.PAYMENT_FAILED, UUID.randomUUID().toString(), failed);
        deliver(EventTypes.PAYMENT_FAILED, UUID.randomUUID().toString(), failed);
        assertEquals(0, promos.find(code).orElseThrow().uses(), "the use is given back, once");
        assertEquals(40, json(http.get("/api/v1/loyalty/me", "Authorization", user(me))).path("balance").asLong());

        List<DiscountEventsOnKafka.Published> events = DiscountEventsOnKafka.collect(
                e -> e.key().equals(Long.toString(checkout)) || e.key().equals(Long.toString(me)), 5, SETTLE);
        DiscountEventsOnKafka.Published confirmed = one(events, EventTypes.QUOTE_CONFIRMED);
        assertEquals(40, confirmed.data().path("points_used").asLong());
        assertEquals(1000 - 100 - 40, confirmed.data().path("amount").asLong());
        DiscountEventsOnKafka.Published released = one(events, EventTypes.PROMO_RELEASED);
        assertEquals("card_declined", released.data().path("reason").asString());
        assertEquals(100, released.data().path("discount_amount").asLong());
        List<String> reasons = events.stream().filter(e -> e.type().equals(EventTypes.LOYALTY_POINTS_ADJUSTED))
                .map(e -> e.data().path("reason").asString() + " " + e.data().path("delta").asLong()).toList();
        assertEquals(List.of("spent -40", "returned 40"), reasons);

        long other = newId();
        long otherCheckout = newId();
        deliver(EventTypes.CHECKOUT_STARTED, UUID.randomUUID().toString(), started(otherCheckout, newId(), other, quoteId(quote(other, plan, code, false, null))));
        assertEquals(EventTypes.QUOTE_CONFIRMED, DiscountEventsOnKafka.collect(e -> e.key().equals(Long.toString(otherCheckout)), 1, SETTLE).getFirst().type());
    }

    @Test
    void aUserHasOneTrialAndGetsItBackIfTheCardCheckFailed() {
        long me = newId();
        String plan = plan(14);
        long first = newCheckout(me, quoteId(quote(me, plan, null, false, null)));
        JsonNode trial = DiscountEventsOnKafka.collect(e -> e.key().equals(Long.toString(first)), 1, SETTLE).getFirst().data();
        assertEquals(14, trial.path("trial_days").asInt());
        assertEquals(0, trial.path("amount").asLong());
        long trialPayment = trial.path("payment_id").asLong();
        deliver(EventTypes.PAYMENT_FAILED, UUID.randomUUID().toString(), failed(trialPayment, me, first, 0));
        long second = newCheckout(me, quoteId(quote(me, plan, null, false, null)));
        JsonNode retried = DiscountEventsOnKafka.collect(e -> e.key().equals(Long.toString(second)), 1, SETTLE).getFirst().data();
        assertEquals(14, retried.path("trial_days").asInt(), "the failed card check gave the trial back");
        deliver(EventTypes.PAYMENT_SUCCEEDED, UUID.randomUUID().toString(), succeeded(retried.path("payment_id").asLong(), me, "trial", second, 0));
        long third = newCheckout(me, quoteId(quote(me, plan, null, false, null)));
        JsonNode paid = DiscountEventsOnKafka.collect(e -> e.key().equals(Long.toString(third)), 1, SETTLE).getFirst().data();
        assertEquals(0, paid.path("trial_days").asInt());
        assertEquals(1000, paid.path("amount").asLong());
    }

    @Test
    void aRefundClawsBackItsShareOfThePointsOnce() {
        long me = newId();
        long payment = newId();
        deliver(EventTypes.PAYMENT_SUCCEEDED, UUID.randomUUID().toString(), succeeded(payment, me, "renewal", null, 1000));
        String half = refunded(payment, newId(), me, 500, 500, 1000, false);
        deliver(EventTypes.PAYMENT_REFUNDED, UUID.randomUUID().toString(), half);
        deliver(EventTypes.PAYMENT_REFUNDED, UUID.randomUUID().toString(), half);
        assertEquals(5, json(http.get("/api/v1/loyalty/me", "Authorization", user(me))).path("balance").asLong());
        deliver(EventTypes.PAYMENT_REFUNDED, UUID.randomUUID().toString(), refunded(payment, newId(), me, 500, 1000, 1000, true));
        assertEquals(0, json(http.get("/api/v1/loyalty/me", "Authorization", user(me))).path("balance").asLong());
        List<DiscountEventsOnKafka.Published> clawed = DiscountEventsOnKafka.collect(
                e -> e.key().equals(Long.toString(me)) && e.type().equals(EventTypes.LOYALTY_POINTS_ADJUSTED), 2, SETTLE);
        assertEquals(List.of(-5L, -5L), clawed.stream().map(e -> e.data().path("delta").asLong()).toList());
        clawed.forEach(e -> assertEquals("clawed_back", e.data().path("reason").asString()));
    }

    @Test
    void eventsThatBreakTheirContractAre400AndOtherTypesAreLeftAlone() {
        assertEquals(400, deliver(EventTypes.CHECKOUT_STARTED, UUID.randomUUID().toString(), "{\"checkout_id\":1}"));
        assertEquals(400, deliver(EventTypes.PAYMENT_SUCCEEDED, UUID.randomUUID().toString(), "{\"payment_id\":-1}"));
        assertEquals(202, deliver("com.cinemaabyss.payments.payment.upserted.v1", UUID.randomUUID().toString(), "{\"anything\":true}"));
        assertEquals(400, deliver(EventTypes.CHECKOUT_STARTED, "x".repeat(300), started(1, 1, 1, 1)));
    }

    // --- helpers

    private long newCheckout(long user, long quote) {
        long checkout = newId();
        assertEquals(202, deliver(EventTypes.CHECKOUT_STARTED, UUID.randomUUID().toString(), started(checkout, newId(), user, quote)));
        return checkout;
    }

    /**
     * As the eventing layer delivers: a 503 (the function could not finish in time, say on a busy machine) is delivered
     * again, with the same CloudEvent id, after a short backoff; the last answer is returned.
     */
    private int deliverUntilTaken(String type, String id, String data) throws InterruptedException {
        int status = deliver(type, id, data);
        for (int attempt = 1; status == 503 && attempt <= 8; attempt++) {
            Thread.sleep(100L * attempt);
            status = deliver(type, id, data);
        }
        return status;
    }

    private int deliver(String type, String id, String data) {
        return http.send(http.request("/internal/events/billing-events",
                        "ce-specversion", "1.0", "ce-id", id, "ce-source", "/cinemaabyss/payments", "ce-type", type,
                        "ce-subject", "1", "Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(data))).statusCode();
    }

    private static String started(long checkout, long payment, long user, long quote) {
        return "{\"checkout_id\":" + checkout + ",\"payment_id\":" + payment + ",\"user_id\":" + user + ",\"quote_id\":" + quote
                + ",\"started_at\":\"2026-05-01T10:00:00Z\"}";
    }

    private static String succeeded(long payment, long user, String purpose, Long checkout, long amount) {
        return "{\"payment_id\":" + payment + ",\"user_id\":" + user + ",\"purpose\":\"" + purpose + "\""
                + (checkout == null ? ",\"subscription_id\":5" : ",\"checkout_id\":" + checkout)
                + ",\"plan_id\":\"basic-month\",\"period\":\"month\",\"max_profiles\":1,\"trial_days\":0,\"amount\":" + amount
                + ",\"currency\":\"EUR\",\"provider_charge_id\":\"ch_1\",\"occurred_at\":\"2026-05-01T10:00:00Z\"}";
    }

    private static String failed(long payment, long user, Long checkout, long amount) {
        return "{\"payment_id\":" + payment + ",\"user_id\":" + user + ",\"purpose\":\"checkout\""
                + (checkout == null ? "" : ",\"checkout_id\":" + checkout)
                + ",\"plan_id\":\"basic-month\",\"amount\":" + amount + ",\"currency\":\"EUR\",\"failure_code\":\"card_declined\","
                + "\"failure_message\":\"Your card was declined.\",\"occurred_at\":\"2026-05-01T10:00:00Z\"}";
    }

    private static String refunded(long payment, long refund, long user, long amount, long total, long paid, boolean full) {
        return "{\"payment_id\":" + payment + ",\"refund_id\":" + refund + ",\"user_id\":" + user + ",\"purpose\":\"renewal\","
                + "\"plan_id\":\"basic-month\",\"amount\":" + amount + ",\"refunded_total\":" + total + ",\"paid_amount\":" + paid
                + ",\"currency\":\"EUR\",\"full\":" + full + ",\"occurred_at\":\"2026-05-02T10:00:00Z\"}";
    }

    private HttpResponse<String> quote(long user, String plan, String code, boolean points, String currency) {
        String body = "{\"plan_id\":\"" + plan + "\"" + (code == null ? "" : ",\"promo_code\":\"" + code + "\"")
                + (points ? ",\"use_points\":true" : "") + (currency == null ? "" : ",\"currency\":\"" + currency + "\"") + "}";
        return http.post("/api/v1/quotes", body, "Authorization", user(user));
    }

    private static long quoteId(HttpResponse<String> quote) {
        assertEquals(201, quote.statusCode(), quote.body());
        return json(quote).path("quote_id").asLong();
    }

    /** A new plan of 10.00 EUR / 12.00 USD with {@code trialDays}. */
    private String plan(int trialDays) {
        return plan(trialDays, 1000);
    }

    private String plan(int trialDays, long eur) {
        String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> put = http.put("/api/v1/plans/" + id, "{\"name\":\"Test\",\"period\":\"month\",\"prices\":{\"EUR\":" + eur
                + ",\"USD\":1200},\"trial_days\":" + trialDays + ",\"max_profiles\":2}", "Authorization", admin);
        assertEquals(200, put.statusCode(), put.body());
        return id;
    }

    private String percentCode(int percent, long maxUses, int perUser) {
        String code = code();
        HttpResponse<String> created = createCode("{\"code\":\"" + code + "\",\"kind\":\"percent\",\"percent\":" + percent
                + ",\"max_uses\":" + maxUses + ",\"per_user_limit\":" + perUser + "}");
        assertEquals(201, created.statusCode(), created.body());
        return code;
    }

    private HttpResponse<String> createCode(String body) {
        return http.post("/api/v1/promo-codes", body, "Authorization", admin);
    }

    private static String code() {
        return "IT" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private static String user(long id) {
        return TestIdentity.shared().bearer(id, "viewer");
    }

    private static long newId() {
        return ThreadLocalRandom.current().nextLong(1, 1L << 50);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    private static DiscountEventsOnKafka.Published of(List<DiscountEventsOnKafka.Published> events, long checkout) {
        List<DiscountEventsOnKafka.Published> matching = events.stream().filter(e -> e.key().equals(Long.toString(checkout))).toList();
        assertEquals(1, matching.size(), "one answer for checkout " + checkout + ": " + events);
        return matching.getFirst();
    }

    private static DiscountEventsOnKafka.Published one(List<DiscountEventsOnKafka.Published> events, String type) {
        assertEquals(1, count(events, type), type + " in " + events);
        return events.stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
    }

    private static long count(List<DiscountEventsOnKafka.Published> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).count();
    }
}
