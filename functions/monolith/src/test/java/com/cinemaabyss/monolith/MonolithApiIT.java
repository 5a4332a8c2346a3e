package com.cinemaabyss.monolith;

import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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
        assertError(http.send(http.request("/api/movies").method("DELETE", HttpRequest.BodyPublishers.noBody())), 405, "method DELETE is not allowed");
        assertError(http.send(http.request("/internal/events/movie-changes").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")), 400, "not a CloudEvent");
    }

    @Test
    void hostileNumbersAndShapesAreQuick400s() throws Exception {
        long user = TestHttp.idOf(http.post("/api/users", "{\"username\":\"numbers\",\"email\":\"numbers@example.com\"}").body());
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertError(http.post("/api/payments", "{\"user_id\":" + user + ",\"amount\":-1e999999999}"), 400, "field 'amount' must not be negative");
            assertError(http.post("/api/payments", "{\"user_id\":" + user + ",\"amount\":1e999999999}"), 400, "field 'amount' must be at most 1000000");
            assertError(http.post("/api/payments", "{\"user_id\":" + user + ",\"amount\":1e-999999999}"), 400, "field 'amount' must have at most 2 digits");
            assertError(http.post("/api/payments", "{\"user_id\":" + user + ",\"amount\":1e400}"), 400, "field 'amount' must be at most 1000000");
            assertError(http.post("/api/payments", "{\"user_id\":" + user + ",\"amount\":" + "9".repeat(40) + "}"), 400, "field 'amount'");
            assertError(http.post("/api/payments", "{\"user_id\":" + "1".repeat(40) + ",\"amount\":5}"), 400, "field 'user_id' is a number out of range");
            assertError(http.post("/api/payments", "{\"user_id\":" + user + ",\"amount\":" + "9".repeat(200) + "}"), 400, "exceeds a JSON limit");
            assertError(http.post("/api/movies", "{\"title\":\"T\",\"rating\":1e400}"), 400, "field 'rating' must be between");
            assertError(http.post("/api/movies", "{\"title\":\"T\",\"unknown\":" + "[".repeat(50) + "]".repeat(50) + "}"), 400, "exceeds a JSON limit");
        });
        HttpResponse<String> ok = http.post("/api/payments", "{\"user_id\":" + user + ",\"amount\":9.99}");
        assertEquals(201, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("\"amount\":9.99"), ok.body());
    }

    @Test
    void subscriptionMayEndOnTheDayItStarts() throws Exception {
        long user = TestHttp.idOf(http.post("/api/users", "{\"username\":\"sameday\",\"email\":\"sameday@example.com\"}").body());
        HttpResponse<String> sameDay = http.post("/api/subscriptions",
                "{\"user_id\":" + user + ",\"plan_type\":\"trial\",\"start_date\":\"2026-01-01\",\"end_date\":\"2026-01-01\"}");
        assertEquals(201, sameDay.statusCode(), sameDay.body());
        assertError(http.post("/api/subscriptions",
                "{\"user_id\":" + user + ",\"plan_type\":\"trial\",\"start_date\":\"2026-01-02\",\"end_date\":\"2026-01-01\"}"), 400, "end_date");
        assertError(http.post("/api/users", "{\"username\":\"neo\\nadmin\",\"email\":\"neo@matrix.io\"}"), 400, "field 'username' must not contain control characters");
    }

    @Test
    void wrongMethodsAnswer405WithAllow() throws Exception {
        HttpResponse<String> delete = http.send(http.request("/api/users").method("DELETE", HttpRequest.BodyPublishers.noBody()));
        assertError(delete, 405, "method DELETE is not allowed");
        String allow = delete.headers().firstValue("Allow").orElse("");
        assertTrue(allow.contains("GET") && allow.contains("POST"), allow);
        assertError(http.put("/api/movies", "{}"), 405, "method PUT is not allowed");
        // Functional GET routes do not serve HEAD, so HEAD is a wrong method here too.
        assertEquals(405, http.send(http.request("/api/users").method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode());
        assertError(http.send(http.request("/api/nothing-here").method("DELETE", HttpRequest.BodyPublishers.noBody())), 404, "no route");
    }

    @Test
    void whatTomcatRefusesAnswersJsonToo() throws Exception {
        assertRaw("GET /api/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400);
        assertRaw("GET /api/us|ers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400);
        assertRaw("GET /api/users/../../../etc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400);
        assertRaw("GET /api/users/../../etc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404);
        assertRaw("GET /api/users HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n", 400, 431);
        assertRaw("GET /api/users HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n", 400, 505);
        assertRaw("G(T /api/users HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400);
        assertEquals(200, http.get("/health").statusCode(), "the app still answers");
    }

    /** java.net.http refuses to send malformed requests, so these go over a plain socket. */
    private void assertRaw(String request, int... statuses) throws Exception {
        String response;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        String statusLine = response.lines().findFirst().orElse("");
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        assertTrue(Arrays.stream(statuses).anyMatch(s -> s == status), request.lines().findFirst().orElse("") + " -> " + response);
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertTrue(response.toLowerCase().contains("content-type: application/json"), response);
        assertTrue(body.contains("{\"error\":\""), response);
        assertTrue(!response.contains("Apache Tomcat") && !response.contains("<html") && !response.contains("Exception"), response);
    }

    private static void assertError(HttpResponse<String> response, int status, String fragment) {
        assertTrue(TestHttp.isJsonError(response, status, fragment), response.statusCode() + " " + response.body());
    }
}
