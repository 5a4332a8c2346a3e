package com.cinemaabyss.monolith;

import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotency-Key on the monolith's creating POSTs, against DynamoDB Local. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyIT {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotency-Replayed";

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
    void aRetriedCreateCreatesOnceAndAnswersTheSame() {
        String name = unique("trinity");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = http.post("/api/users", user(name), KEY, key);
        HttpResponse<String> retry = http.post("/api/users", user(name), KEY, key);

        assertEquals(201, first.statusCode(), first.body());
        assertFalse(first.headers().firstValue(REPLAYED).isPresent());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(first.body(), retry.body());
        assertEquals(first.headers().firstValue("Content-Type"), retry.headers().firstValue("Content-Type"));
        assertEquals("true", retry.headers().firstValue(REPLAYED).orElse(null));
        assertEquals(1, usersNamed(name));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        assertEquals(201, http.post("/api/users", user(unique("a")), KEY, key).statusCode());
        HttpResponse<String> other = http.post("/api/users", user(unique("b")), KEY, key);
        assertTrue(TestHttp.isJsonError(other, 422, "Idempotency-Key was used with a different request"), other.body());
    }

    @Test
    void withoutAKeyEveryPostCreates() {
        String name = unique("morpheus");
        assertEquals(201, http.post("/api/users", user(name)).statusCode());
        assertEquals(201, http.post("/api/users", user(name)).statusCode());
        assertEquals(2, usersNamed(name));
    }

    @Test
    void aKeyThatIsNotPrintableAsciiOrTooLongIsRefused() throws IOException {
        String name = unique("bad-key");
        assertTrue(TestHttp.isJsonError(http.post("/api/users", user(name), KEY, "k".repeat(300)), 400, "'Idempotency-Key'"));
        assertTrue(TestHttp.isJsonError(http.post("/api/users", user(name), KEY, "two words"), 400, "'Idempotency-Key'"));
        assertTrue(rawPost("/api/users", user(name), KEY + ": cl\u00e9").startsWith("HTTP/1.1 400"));
        assertEquals(0, usersNamed(name));
    }

    @Test
    void concurrentRetriesCreateOnce() throws Exception {
        String name = unique("smith");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            posts.add(() -> http.post("/api/users", user(name), KEY, key));
        }
        Set<String> created = new HashSet<>();
        for (Future<HttpResponse<String>> answer : pool.invokeAll(posts)) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 201) {
                created.add(response.body());
            } else {
                assertTrue(TestHttp.isJsonError(response, 409, "in progress"), response.statusCode() + " " + response.body());
                assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
            }
        }
        pool.shutdown();
        assertEquals(1, created.size(), "every 201 is the same user: " + created);
        assertEquals(1, usersNamed(name));
    }

    @Test
    void aRefusalIsReplayedAsARefusal() {
        String key = UUID.randomUUID().toString();
        String body = "{\"username\":\"x\",\"email\":\"not-an-email\"}";
        HttpResponse<String> first = http.post("/api/users", body, KEY, key);
        HttpResponse<String> retry = http.post("/api/users", body, KEY, key);
        assertTrue(TestHttp.isJsonError(first, 400, "field 'email'"), first.body());
        assertEquals(400, retry.statusCode());
        assertEquals(first.body(), retry.body());
        assertEquals("true", retry.headers().firstValue(REPLAYED).orElse(null));
    }

    @Test
    void internalRoutesIgnoreTheKey() {
        HttpResponse<String> response = http.send(http.request("/internal/events/movie-changes", KEY, "k".repeat(300))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertTrue(TestHttp.isJsonError(response, 400, "not a CloudEvent"), response.body());
    }

    @Test
    void aNumberDynamoDbCannotStoreIsABadRequest() {
        long user = TestHttp.idOf(http.post("/api/users", user(unique("payer"))).body());
        HttpResponse<String> huge = http.post("/api/payments", "{\"user_id\":" + user + ",\"amount\":1e200}");
        assertTrue(TestHttp.isJsonError(huge, 400, "'amount'"), huge.statusCode() + " " + huge.body());
        HttpResponse<String> precise = http.post("/api/payments", "{\"user_id\":" + user + ",\"amount\":1." + "1".repeat(40) + "}");
        assertTrue(TestHttp.isJsonError(precise, 400, "'amount'"), precise.statusCode() + " " + precise.body());
    }

    private long usersNamed(String name) {
        return Pattern.compile("\"username\":\"" + Pattern.quote(name) + "\"").matcher(http.get("/api/users").body()).results().count();
    }

    private static String user(String name) {
        return "{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\"}";
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A POST with a header the JDK client would not send as is. */
    private String rawPost(String path, String json, String header) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write((header + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
