package com.cinemaabyss.platform;

import com.cinemaabyss.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A signed-in user of the end-to-end tests, calling through the gateway; logs in again when the platform's short-lived
 * access token is about to expire. Also the tests' shared waiting and JSON helpers.
 */
final class E2EViewer {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration SETTLE = Duration.ofSeconds(60);

    private final TestHttp gateway;
    private final String email;
    private final String password;
    private long userId;
    private String token;
    private long tokenAt;

    private E2EViewer(TestHttp gateway, String email, String password) {
        this.gateway = gateway;
        this.email = email;
        this.password = password;
    }

    static E2EViewer register(String name) {
        TestHttp gateway = E2EPlatform.gateway();
        E2EViewer viewer = new E2EViewer(gateway, name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.test",
                "a long enough passphrase " + name);
        HttpResponse<String> registered = gateway.post("/api/auth/register",
                "{\"email\":\"" + viewer.email + "\",\"password\":\"" + viewer.password + "\",\"username\":\"" + name + "\"}");
        assertEquals(201, registered.statusCode(), registered.body());
        viewer.userId = JSON.readTree(registered.body()).get("user_id").asLong();
        return viewer;
    }

    static E2EViewer login(String email, String password) {
        E2EViewer viewer = new E2EViewer(E2EPlatform.gateway(), email, password);
        viewer.bearer();
        return viewer;
    }

    /** The same user calling through another client (e.g. one whose address the edge places in another country). */
    E2EViewer via(TestHttp client) {
        E2EViewer same = new E2EViewer(client, email, password);
        same.userId = userId;
        return same;
    }

    String email() {
        return email;
    }

    long userId() {
        return userId;
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

    HttpResponse<String> get(String path, String... headers) {
        return gateway.get(path, withToken(headers));
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return gateway.post(path, body, withToken(headers));
    }

    HttpResponse<String> put(String path, String body, String... headers) {
        return gateway.put(path, body, withToken(headers));
    }

    HttpResponse<String> delete(String path, String... headers) {
        return gateway.send(gateway.request(path, withToken(headers)).DELETE());
    }

    private String[] withToken(String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", bearer()));
        all.addAll(List.of(headers));
        return all.toArray(String[]::new);
    }

    JsonNode quote(String plan, String code) {
        HttpResponse<String> quote = post("/api/v1/quotes", "{\"plan_id\":\"" + plan + "\"" + (code == null ? "" : ",\"promo_code\":\"" + code + "\"") + "}");
        assertEquals(201, quote.statusCode(), quote.body());
        return JSON.readTree(quote.body());
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
            last[0] = jsonOrNull(get("/api/v1/subscriptions/me"));
            return last[0] != null && last[0].get("status").asString().equals(status);
        });
        return last[0];
    }

    @Override
    public String toString() {
        return email;
    }

    /** The body of a 200, or null while the function behind it is away (a 503 from the gateway). */
    static JsonNode jsonOrNull(HttpResponse<String> response) {
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    static JsonNode json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + SETTLE.toSeconds() + " s");
            }
            sleep(400);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
