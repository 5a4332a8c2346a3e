package com.cinemaabyss.subscriptions;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.test.MutableClock;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * subscriptions against real DynamoDB Local and Kafka: payments' events delivered as the eventing layer delivers them,
 * the renewal tick as the PingSource calls it, time moved on by a test clock, events read back from Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cinemaabyss.eventing.delivery-token=" + Billing.TOKEN,
        // Dunning in minutes instead of days: the durations are configuration.
        "cinemaabyss.subscriptions.retry-after=10m,30m,50m",
        "cinemaabyss.subscriptions.answer-timeout=5m"})
class SubscriptionsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SETTLE = Duration.ofSeconds(2);

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    TestHttp http;
    long user;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
        TestIdentity.shared().properties().forEach(registry::add);
    }

    @BeforeAll
    static void topics() {
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(Topics.SUBSCRIPTION_EVENTS, 1, (short) 1),
                new NewTopic(Topics.SUBSCRIPTION_CHANGES, 1, (short) 1)));
    }

    @BeforeEach
    void fresh() {
        http = TestHttp.at(port);
        user = Billing.newId();
        // Each test in its own far future: what earlier tests left due is long over, and never in the way.
        clock.advance(Duration.ofDays(800));
    }

    @Test
    void aCheckoutPaymentActivatesOnceHoweverOftenItIsDelivered() {
        long payment = Billing.newId();
        String data = Billing.succeeded(payment, user, "checkout", null, "basic", "month", 0, 999);
        String eventId = Billing.deliver(http, Billing.SUCCEEDED, payment, data);
        Billing.deliver(http, eventId, Billing.SUCCEEDED, payment, data);
        Billing.deliver(http, Billing.SUCCEEDED, payment, data); // the same payment under another event id

        JsonNode mine = mine();
        long id = mine.path("id").asLong();
        assertTrue(id > 0 && id % 2 == 0, "even ids: the monolith keeps the odd ones, got " + id);
        assertEquals("active", mine.path("status").asString());
        Instant start = clock.instant();
        assertEquals(start.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant(), Instant.parse(mine.path("period_end").asString()),
                "one month, not two or three");
        JsonNode entitlement = entitlement();
        assertTrue(entitlement.path("active").asBoolean());
        assertEquals("basic", entitlement.path("plan_id").asString());
        assertEquals(4, entitlement.path("max_profiles").asInt());

        List<CloudEvent> events = EventsOnKafka.about(Topics.SUBSCRIPTION_EVENTS, id, 1, SETTLE);
        assertEquals(List.of("activated.v1"), EventsOnKafka.types(events));
        assertTrue(EventsOnKafka.data(events.getFirst()).contains("\"payment_id\":" + payment));
        List<CloudEvent> changes = EventsOnKafka.about(Topics.SUBSCRIPTION_CHANGES, id, 1, SETTLE);
        assertEquals(List.of("upserted.v1"), EventsOnKafka.types(changes));

        long second = Billing.newId();
        Billing.deliver(http, Billing.SUCCEEDED, second, Billing.succeeded(second, user, "checkout", null, "premium", "year", 0, 9990));
        JsonNode extended = mine();
        assertEquals(id, extended.path("id").asLong(), "a live subscription is extended, not doubled");
        assertEquals("premium", extended.path("plan_id").asString());
        assertEquals(start.atOffset(ZoneOffset.UTC).plusMonths(1).plusYears(1).toInstant(), Instant.parse(extended.path("period_end").asString()));
    }

    @Test
    void aTrialPaymentStartsTrialingForItsDays() {
        long payment = Billing.newId();
        Billing.deliver(http, Billing.SUCCEEDED, payment, Billing.succeeded(payment, user, "trial", null, "basic", "month", 14, 0));
        JsonNode mine = mine();
        assertEquals("trialing", mine.path("status").asString());
        assertEquals(clock.instant().plus(Duration.ofDays(14)), Instant.parse(mine.path("period_end").asString()));
        assertTrue(entitlement().path("active").asBoolean());
        clock.advance(Duration.ofDays(14));
        assertEquals(200, Billing.tick(http).statusCode());
        assertEquals("expired", mine().path("status").asString());
        assertFalse(entitlement().path("active").asBoolean());
    }

    @Test
    void aTrialOfAPricedPlanConvertsAtItsEndAtTheListPrice() {
        long payment = Billing.newId();
        Billing.deliver(http, Billing.SUCCEEDED, payment, Billing.succeeded(payment, user, "trial", null, "basic", "month", 7, 0)
                .replace("\"amount\":0,", "\"amount\":0,\"list_price\":799,"));
        assertEquals(799, mine().path("amount").asLong(), "what the trial will cost once it converts");
        clock.advance(Duration.ofDays(7));
        assertEquals(200, Billing.tick(http).statusCode());
        assertEquals("trialing", mine().path("status").asString(), "its renewal is requested, not expired");
        assertFalse(entitlement().path("active").asBoolean(), "no access past the trial until the charge succeeds");
        long renewal = Billing.newId();
        long subscription = mine().path("id").asLong();
        Billing.deliver(http, Billing.SUCCEEDED, renewal, Billing.succeeded(renewal, user, "renewal", subscription, "basic", "month", 0, 799));
        assertEquals("active", mine().path("status").asString());
        assertTrue(entitlement().path("active").asBoolean());
    }

    @Test
    void theTickRemindsOnceThenRequestsTheRenewalOnceAndThePaymentRenews() throws Exception {
        long id = checkout();
        Instant end = Instant.parse(mine().path("period_end").asString());
        clock.set(end.minus(Duration.ofDays(2)));
        tick();
        tick();
        clock.set(end);
        // Two ticks at once, as two PingSource deliveries or two pods could run: one renewal request between them.
        CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> Billing.tick(http));
        CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> Billing.tick(http));
        assertEquals(200, a.get().statusCode(), a.get().body());
        assertEquals(200, b.get().statusCode(), b.get().body());
        tick();
        assertFalse(entitlement().path("active").asBoolean(), "past period_end, no access until the renewal is paid");

        List<CloudEvent> events = EventsOnKafka.about(Topics.SUBSCRIPTION_EVENTS, id, 3, SETTLE);
        assertEquals(List.of("activated.v1", "renewal_upcoming.v1", "renewal_requested.v1"), EventsOnKafka.types(events));
        JsonNode requested = JSON.readTree(EventsOnKafka.data(events.get(2)));
        assertEquals(end.toString(), requested.path("renewal_of").asString());
        assertEquals(1, requested.path("attempt").asInt());
        assertEquals(999, requested.path("amount").asLong());

        long renewal = Billing.newId();
        String paid = Billing.succeeded(renewal, user, "renewal", id, "basic", "month", 0, 999);
        Billing.deliver(http, Billing.SUCCEEDED, renewal, paid);
        Billing.deliver(http, Billing.SUCCEEDED, renewal, paid);
        JsonNode mine = mine();
        assertEquals("active", mine.path("status").asString());
        assertEquals(end, Instant.parse(mine.path("period_start").asString()));
        assertEquals(end.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant(), Instant.parse(mine.path("period_end").asString()),
                "the same renewal payment twice extends once");
        assertTrue(entitlement().path("active").asBoolean());
        assertEquals(List.of("activated.v1", "renewal_upcoming.v1", "renewal_requested.v1", "status_changed.v1"),
                EventsOnKafka.types(EventsOnKafka.about(Topics.SUBSCRIPTION_EVENTS, id, 4, SETTLE)));
    }

    @Test
    void failedRenewalsGoPastDueThroughDunningToCanceled() throws Exception {
        long id = checkout();
        Instant end = Instant.parse(mine().path("period_end").asString());
        clock.set(end);
        tick();
        long payment = Billing.newId();
        Billing.deliver(http, Billing.FAILED, payment, Billing.failed(payment, user, id));
        Billing.deliver(http, Billing.FAILED, payment, Billing.failed(payment, user, id)); // again: changes nothing
        assertEquals("past_due", mine().path("status").asString());
        assertFalse(entitlement().path("active").asBoolean());
        for (Duration retry : List.of(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMinutes(50))) {
            clock.set(end.plus(retry).minusSeconds(1));
            tick();
            clock.set(end.plus(retry));
            tick();
            long failed = Billing.newId();
            Billing.deliver(http, Billing.FAILED, failed, Billing.failed(failed, user, id));
        }
        JsonNode mine = mine();
        assertEquals("canceled", mine.path("status").asString());
        assertFalse(entitlement().path("active").asBoolean());

        List<CloudEvent> events = EventsOnKafka.about(Topics.SUBSCRIPTION_EVENTS, id, 7, SETTLE);
        assertEquals(List.of("activated.v1", "renewal_requested.v1", "status_changed.v1", "renewal_requested.v1", "renewal_requested.v1",
                "renewal_requested.v1", "status_changed.v1"), EventsOnKafka.types(events));
        List<Integer> attempts = events.stream().filter(e -> e.getType().equals(EventTypes.SUBSCRIPTION_RENEWAL_REQUESTED))
                .map(e -> JSON.readTree(EventsOnKafka.data(e)).path("attempt").asInt()).toList();
        assertEquals(List.of(1, 2, 3, 4), attempts);
        assertTrue(EventsOnKafka.data(events.get(2)).contains("\"reason\":\"renewal_failed\""));
        assertTrue(EventsOnKafka.data(events.get(6)).contains("\"reason\":\"dunning_exhausted\""));
    }

    @Test
    void cancelKeepsAccessUntilPeriodEndThenExpires() throws Exception {
        long id = checkout();
        HttpResponse<String> canceled = http.post("/api/v1/subscriptions/me/cancel", "", "Authorization", bearer());
        assertEquals(200, canceled.statusCode(), canceled.body());
        JsonNode view = JSON.readTree(canceled.body());
        assertEquals("active", view.path("status").asString());
        assertTrue(view.path("cancel_at_period_end").asBoolean());
        assertEquals(200, http.post("/api/v1/subscriptions/me/cancel", "", "Authorization", bearer()).statusCode(), "twice is fine");
        Instant end = Instant.parse(view.path("period_end").asString());
        clock.set(end.minusSeconds(1));
        tick();
        assertTrue(entitlement().path("active").asBoolean());
        assertEquals("active", mine().path("status").asString());
        clock.set(end);
        tick();
        assertEquals("expired", mine().path("status").asString());
        assertFalse(entitlement().path("active").asBoolean());
        assertTrue(TestHttp.isJsonError(http.post("/api/v1/subscriptions/me/cancel", "", "Authorization", bearer()), 409, "already ended"));
        List<CloudEvent> events = EventsOnKafka.about(Topics.SUBSCRIPTION_EVENTS, id, 2, SETTLE);
        assertEquals(List.of("activated.v1", "status_changed.v1"), EventsOnKafka.types(events), "no reminder, no renewal");
        assertTrue(EventsOnKafka.data(events.get(1)).contains("\"reason\":\"period_ended\""));
    }

    @Test
    void aFullRefundEndsAccessAtOnce() {
        long payment = Billing.newId();
        Billing.deliver(http, Billing.SUCCEEDED, payment, Billing.succeeded(payment, user, "checkout", null, "basic", "month", 0, 999));
        long id = mine().path("id").asLong();
        clock.advance(Duration.ofDays(1));
        Billing.deliver(http, Billing.REFUNDED, payment, Billing.refunded(payment, Billing.newId(), user, 999, 999, true));
        assertFalse(entitlement().path("active").asBoolean());
        assertEquals("canceled", mine().path("status").asString());
        List<CloudEvent> events = EventsOnKafka.about(Topics.SUBSCRIPTION_EVENTS, id, 2, SETTLE);
        assertTrue(EventsOnKafka.data(events.get(1)).contains("\"reason\":\"refunded\""));
    }

    @Test
    void aPartialRefundShortensThePeriodInProportionOnce() {
        long payment = Billing.newId();
        Billing.deliver(http, Billing.SUCCEEDED, payment, Billing.succeeded(payment, user, "checkout", null, "basic", "month", 0, 1000));
        JsonNode before = mine();
        Instant start = Instant.parse(before.path("period_start").asString());
        Instant end = Instant.parse(before.path("period_end").asString());
        String refund = Billing.refunded(payment, Billing.newId(), user, 250, 1000, false);
        Billing.deliver(http, Billing.REFUNDED, payment, refund);
        Billing.deliver(http, Billing.REFUNDED, payment, refund);
        JsonNode after = mine();
        assertEquals("active", after.path("status").asString());
        assertEquals(end.minus(Duration.between(start, end).dividedBy(4)), Instant.parse(after.path("period_end").asString()),
                "a quarter back, a quarter of the time gone, once");
        assertTrue(entitlement().path("active").asBoolean());
    }

    @Test
    void withoutAValidTokenTheRoutesAnswer401AndWithoutASubscription404() {
        for (String path : List.of("/api/v1/subscriptions/me", "/api/v1/entitlements/me")) {
            assertTrue(TestHttp.isJsonError(http.get(path), 401, "authentication required"), path);
            assertTrue(TestHttp.isJsonError(http.get(path, "X-User-Id", "2"), 401, "authentication"), path + ": a bare X-User-Id is not believed");
            assertTrue(TestHttp.isJsonError(http.get(path, "Authorization", "Bearer not.a.token"), 401, ""), path);
        }
        assertTrue(TestHttp.isJsonError(http.post("/api/v1/subscriptions/me/cancel", ""), 401, "authentication required"));
        assertTrue(TestHttp.isJsonError(http.get("/api/v1/subscriptions/me", "Authorization", bearer()), 404, "no subscription"));
        assertTrue(TestHttp.isJsonError(http.post("/api/v1/subscriptions/me/cancel", "", "Authorization", bearer()), 404, "no subscription"));
        assertEquals("{\"active\":false,\"plan_id\":null,\"until\":null,\"max_profiles\":0}",
                http.get("/api/v1/entitlements/me", "Authorization", bearer()).body());
    }

    @Test
    void onlyTheEventingLayerReachesTheInternalRoutesAndBrokenEventsAreRefused() {
        long payment = Billing.newId();
        String data = Billing.succeeded(payment, user, "checkout", null, "basic", "month", 0, 999);
        assertEquals(403, Billing.post(http, UUID.randomUUID().toString(), Billing.SUCCEEDED, payment, data, null).statusCode());
        assertEquals(403, Billing.post(http, UUID.randomUUID().toString(), Billing.SUCCEEDED, payment, data, bearer()).statusCode(),
                "a user's token is not the delivery token");
        assertTrue(TestHttp.isJsonError(Billing.post(http, UUID.randomUUID().toString(), Billing.SUCCEEDED, payment,
                data.replace("\"currency\":\"EUR\"", "\"currency\":\"euro\""), "Bearer " + Billing.TOKEN), 400, "currency"));
        assertTrue(TestHttp.isJsonError(Billing.post(http, UUID.randomUUID().toString(), Billing.SUCCEEDED, payment,
                Billing.succeeded(payment, user, "trial", null, "basic", "month", 0, 0), "Bearer " + Billing.TOKEN), 400, "trial_days"));
        assertTrue(TestHttp.isJsonError(Billing.post(http, "x".repeat(300), Billing.SUCCEEDED, payment, data, "Bearer " + Billing.TOKEN),
                400, "CloudEvent id"));
        Billing.deliver(http, "com.cinemaabyss.payments.checkout.started.v1", payment, "{\"checkout_id\":1}");
        assertTrue(TestHttp.isJsonError(http.get("/api/v1/subscriptions/me", "Authorization", bearer()), 404, "no subscription"),
                "neither the refused event nor another type bought anything");
        assertEquals(403, http.send(http.request("/internal/schedules/renewals").POST(java.net.http.HttpRequest.BodyPublishers.noBody())).statusCode());
    }

    private long checkout() {
        long payment = Billing.newId();
        Billing.deliver(http, Billing.SUCCEEDED, payment, Billing.succeeded(payment, user, "checkout", null, "basic", "month", 0, 999));
        return mine().path("id").asLong();
    }

    private void tick() {
        HttpResponse<String> response = Billing.tick(http);
        assertEquals(200, response.statusCode(), response.body());
    }

    private JsonNode mine() {
        HttpResponse<String> response = http.get("/api/v1/subscriptions/me", "Authorization", bearer());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private JsonNode entitlement() {
        HttpResponse<String> response = http.get("/api/v1/entitlements/me", "Authorization", bearer());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private String bearer() {
        return TestIdentity.shared().bearer(user);
    }
}
