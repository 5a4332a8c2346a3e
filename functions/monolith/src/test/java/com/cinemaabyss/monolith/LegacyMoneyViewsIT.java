package com.cinemaabyss.monolith;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The money path's records in the legacy API: payments' payments and subscriptions' subscriptions arrive on their
 * changelogs and are listed per user under the same (even) id, beside the monolith's own (odd) ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LegacyMoneyViewsIT {

    @LocalServerPort
    int port;
    TestHttp http;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
    }

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
    }

    @Test
    void theMonolithsOwnPaymentsAndSubscriptionsGetOddIds() {
        long user = TestHttp.idOf(http.post("/api/users", "{\"username\":\"odd\",\"email\":\"odd-money@example.com\"}").body());
        assertEquals(1, TestHttp.idOf(http.post("/api/payments", "{\"user_id\":" + user + ",\"amount\":5}").body()) % 2);
        assertEquals(1, TestHttp.idOf(http.post("/api/subscriptions", "{\"user_id\":" + user + ",\"plan_type\":\"basic\"}").body()) % 2);
    }

    @Test
    void aPaymentOfThePaymentsFunctionIsListedForItsUserWithItsAmountInMajorUnits() {
        long user = evenId();
        long payment = evenId();
        String data = "{\"payment_id\":" + payment + ",\"user_id\":" + user + ",\"amount\":16199,\"currency\":\"EUR\","
                + "\"status\":\"succeeded\",\"created_at\":\"2026-11-25T10:00:00Z\"}";
        assertEquals(202, deliver("payment-changes", EventTypes.PAYMENT_UPSERTED, payment, data).statusCode());
        assertEquals(202, deliver("payment-changes", EventTypes.PAYMENT_UPSERTED, payment, data.replace("succeeded", "refunded")).statusCode());
        HttpResponse<String> listed = http.get("/api/payments?user_id=" + user);
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals("[{\"id\":" + payment + ",\"user_id\":" + user + ",\"amount\":161.99,\"timestamp\":\"2026-11-25T10:00:00Z\"}]",
                listed.body(), "one payment, however often it changed");
        String yen = "{\"payment_id\":" + (payment + 2) + ",\"user_id\":" + user + ",\"amount\":1500,\"currency\":\"JPY\","
                + "\"status\":\"succeeded\",\"created_at\":\"2026-11-25T11:00:00Z\"}";
        assertEquals(202, deliver("payment-changes", EventTypes.PAYMENT_UPSERTED, payment + 2, yen).statusCode());
        assertTrue(http.get("/api/payments?id=" + (payment + 2)).body().contains("\"amount\":1500"), "yen have no minor unit");
    }

    @Test
    void aSubscriptionOfTheSubscriptionsFunctionIsListedForItsUserAndFollowsItsChanges() {
        long user = evenId();
        long subscription = evenId();
        String active = "{\"subscription_id\":" + subscription + ",\"user_id\":" + user + ",\"plan_id\":\"premium-year\","
                + "\"status\":\"active\",\"period_start\":\"2026-11-25T10:00:00Z\",\"period_end\":\"2027-11-25T10:00:00Z\"}";
        assertEquals(202, deliver("subscription-changes", EventTypes.SUBSCRIPTION_UPSERTED, subscription, active).statusCode());
        String canceled = active.replace("\"active\"", "\"canceled\"").replace("2027-11-25T10:00:00Z", "2026-12-01T00:00:00Z");
        assertEquals(202, deliver("subscription-changes", EventTypes.SUBSCRIPTION_UPSERTED, subscription, canceled).statusCode());
        assertEquals("[{\"id\":" + subscription + ",\"user_id\":" + user + ",\"plan_type\":\"premium-year\","
                        + "\"start_date\":\"2026-11-25T10:00:00Z\",\"end_date\":\"2026-12-01T00:00:00Z\"}]",
                http.get("/api/subscriptions?user_id=" + user).body());
    }

    @Test
    void aChangeNeverOverwritesTheMonolithsOwnRecordsAndMustKeepItsContract() {
        long user = TestHttp.idOf(http.post("/api/users", "{\"username\":\"own\",\"email\":\"own-money@example.com\"}").body());
        long own = TestHttp.idOf(http.post("/api/payments", "{\"user_id\":" + user + ",\"amount\":5}").body());
        String data = "{\"payment_id\":" + own + ",\"user_id\":" + user + ",\"amount\":1,\"currency\":\"EUR\","
                + "\"status\":\"succeeded\",\"created_at\":\"2026-11-25T10:00:00Z\"}";
        assertError(deliver("payment-changes", EventTypes.PAYMENT_UPSERTED, own, data), 400, "monolith's own ids");
        assertTrue(http.get("/api/payments?id=" + own).body().contains("\"amount\":5"));
        long payment = evenId();
        assertError(deliver("payment-changes", EventTypes.PAYMENT_UPSERTED, payment, "{\"payment_id\":" + payment + ",\"user_id\":1,"
                + "\"amount\":1.5,\"currency\":\"EUR\",\"status\":\"succeeded\",\"created_at\":\"2026-11-25T10:00:00Z\"}"), 400, "breaks the schema");
        assertEquals(404, http.get("/api/payments?id=" + payment).statusCode());
    }

    private HttpResponse<String> deliver(String topic, String type, long subject, String data) {
        return http.send(http.request("/internal/events/" + topic, "ce-specversion", "1.0", "ce-id", UUID.randomUUID().toString(),
                        "ce-type", type, "ce-source", "/cinemaabyss/test", "ce-subject", Long.toString(subject),
                        "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(data)));
    }

    /** An even id far from any the tests hand out, so that runs against the same tables do not meet. */
    private static long evenId() {
        return 2 * (1_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    private static void assertError(HttpResponse<String> response, int status, String fragment) {
        assertTrue(TestHttp.isJsonError(response, status, fragment), response.statusCode() + " " + response.body());
    }
}
