package com.cinemaabyss.monolith;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The legacy API against real DynamoDB Local and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MonolithApiIT {


    @LocalServerPort
    int port;
    TestHttp http;

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
    }

    @Test
    void healthAnswersTrue() throws Exception {
        HttpResponse<String> response = http.get("/health");
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":true}", response.body());
    }

    @Test
    void createdUserIsReadableByIdAndInTheList() throws Exception {
        HttpResponse<String> created = http.post("/api/users", "{\"username\":\"neo\",\"email\":\"neo@matrix.io\"}");
        assertEquals(201, created.statusCode(), created.body());
        long id = TestHttp.idOf(created.body());
        HttpResponse<String> one = http.get("/api/users?id=" + id);
        assertEquals(200, one.statusCode());
        assertTrue(one.body().contains("\"username\":\"neo\""), one.body());
        assertTrue(http.get("/api/users").body().contains("\"email\":\"neo@matrix.io\""));
    }

    @Test
    void paymentsAndSubscriptionsFilterByUser() throws Exception {
        long alice = TestHttp.idOf(http.post("/api/users", "{\"username\":\"alice\",\"email\":\"alice@example.com\"}").body());
        long bob = TestHttp.idOf(http.post("/api/users", "{\"username\":\"bob\",\"email\":\"bob@example.com\"}").body());
        HttpResponse<String> payment = http.post("/api/payments", "{\"user_id\":" + alice + ",\"amount\":9.99}");
        assertEquals(201, payment.statusCode(), payment.body());
        assertTrue(payment.body().matches(".*\"timestamp\":\"\\d{4}-\\d{2}-\\d{2}T.*"), payment.body());
        http.post("/api/payments", "{\"user_id\":" + bob + ",\"amount\":5}");
        String alicePayments = http.get("/api/payments?user_id=" + alice).body();
        assertTrue(alicePayments.contains("\"user_id\":" + alice) && !alicePayments.contains("\"user_id\":" + bob), alicePayments);

        HttpResponse<String> subscription = http.post("/api/subscriptions",
                "{\"user_id\":" + bob + ",\"plan_type\":\"premium\",\"start_date\":\"2026-01-01\",\"end_date\":\"2026-12-31T00:00:00Z\"}");
        assertEquals(201, subscription.statusCode(), subscription.body());
        assertTrue(subscription.body().contains("\"start_date\":\"2026-01-01T00:00:00Z\""), subscription.body());
        String bobSubscriptions = http.get("/api/subscriptions?user_id=" + bob).body();
        assertTrue(bobSubscriptions.contains("\"plan_type\":\"premium\""), bobSubscriptions);
        assertEquals("[]", http.get("/api/subscriptions?user_id=" + alice).body());
    }

    @Test
    void movieIdsAreOddAndUniqueUnderConcurrency() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Long>> creates = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            creates.add(() -> TestHttp.idOf(http.post("/api/movies", "{\"title\":\"Movie " + n + "\",\"genres\":[\"Drama\"],\"rating\":7.5}").body()));
        }
        Set<Long> ids = new HashSet<>();
        for (Future<Long> id : pool.invokeAll(creates)) {
            ids.add(id.get());
        }
        pool.shutdown();
        assertEquals(40, ids.size());
        assertTrue(ids.stream().allMatch(id -> id % 2 == 1), "the monolith hands out odd movie ids: " + ids);
    }

    @Test
    void badInputGetsAClearJsonError() throws Exception {
        assertError(http.post("/api/movies", "{\"title\": \"x\", "), 400, "malformed JSON");
        assertError(http.post("/api/movies", "{\"description\":\"no title\"}"), 400, "field 'title' is required");
        assertError(http.post("/api/movies", "{\"title\":\"T\",\"rating\":11}"), 400, "field 'rating' must be between 0.0 and 10.0");
        assertError(http.post("/api/movies", "{\"title\":\"T\",\"rating\":\"high\"}"), 400, "field 'rating' has the wrong type");
        assertError(http.post("/api/movies", "[1,2]"), 400, "must be a JSON object");
        assertError(http.post("/api/payments", "{\"user_id\":1,\"amount\":-5}"), 400, "field 'amount' must not be negative");
        assertError(http.post("/api/payments", "{\"user_id\":999999,\"amount\":5}"), 400, "user 999999 does not exist");
        assertError(http.post("/api/users", "{\"username\":\"x\",\"email\":\"not-an-email\"}"), 400, "field 'email'");
        assertError(http.post("/api/subscriptions", "{\"user_id\":1,\"plan_type\":\"basic\",\"start_date\":\"yesterday\"}"), 400, "ISO-8601");
        assertError(http.get("/api/movies?id=abc"), 400, "query parameter 'id' must be a positive integer");
        assertError(http.get("/api/movies?id=987654321"), 404, "movie 987654321 not found");
        assertError(http.get("/api/nothing-here"), 404, "no route");
        assertError(http.post("/api/movies", "{\"title\":\"" + "x".repeat(70_000) + "\"}"), 413, "larger than");
        assertError(http.send(http.request("/api/movies").method("DELETE", HttpRequest.BodyPublishers.noBody())), 404, "no route for DELETE");
        assertError(http.send(http.request("/internal/events/movie-changes").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")), 400, "not a CloudEvent");
    }

    private static void assertError(HttpResponse<String> response, int status, String fragment) {
        assertTrue(TestHttp.isJsonError(response, status, fragment), response.statusCode() + " " + response.body());
    }
}
