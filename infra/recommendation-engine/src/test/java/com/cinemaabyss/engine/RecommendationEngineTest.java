package com.cinemaabyss.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's HTTP contract (openapi.yaml) on a free port. */
class RecommendationEngineTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RecommendationEngine engine;

    @BeforeAll
    static void start() {
        engine = RecommendationEngine.start(EngineSettings.onPort(0));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void interactionsInRecommendationsOut() {
        HttpResponse<String> posted = post("/v1/interactions", """
                {"interactions":[{"user":"p1","item":10,"kind":"view","weight":1},{"user":"p1","item":11,"kind":"rating","weight":4},
                 {"user":"p2","item":10,"kind":"favorite","weight":3,"at":"2026-11-25T10:00:00Z"}]}""");
        assertEquals(202, posted.statusCode(), posted.body());
        assertEquals("{\"accepted\":3}", posted.body());
        HttpResponse<String> answer = get("/v1/recommendations?user=p2&limit=5&exclude=99");
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().matches("\\{\"user\":\"p2\",\"items\":\\[\\{\"item\":11,\"score\":[0-9.]+,\"because\":\\[10]}]}"), answer.body());
        assertEquals("{\"user\":\"p2\",\"items\":[]}", get("/v1/recommendations?user=p2&exclude=11").body());
        assertEquals("{\"user\":\"nobody\",\"items\":[]}", get("/v1/recommendations?user=nobody").body());
    }

    @Test
    void badRequestsAreJsonErrors() {
        assertError(post("/v1/interactions", "{\"interactions\":[]}"), 400, "interactions");
        assertError(post("/v1/interactions", "{\"interactions\":[{\"user\":\"p 1\",\"item\":1,\"kind\":\"view\",\"weight\":1}]}"), 400, "user");
        assertError(post("/v1/interactions", "{\"interactions\":[{\"user\":\"p1\",\"item\":0,\"kind\":\"view\",\"weight\":1}]}"), 400, "item");
        assertError(post("/v1/interactions", "{\"interactions\":[{\"user\":\"p1\",\"item\":1,\"kind\":\"shared\",\"weight\":1}]}"), 400, "kind");
        assertError(post("/v1/interactions", "{\"interactions\":[{\"user\":\"p1\",\"item\":1,\"kind\":\"view\",\"weight\":11}]}"), 400, "weight");
        assertError(post("/v1/interactions", "{not json"), 400, "JSON");
        assertError(post("/v1/interactions", "x".repeat(RecommendationEngine.MAX_BODY + 1)), 413, "larger");
        assertError(get("/v1/recommendations"), 400, "user");
        assertError(get("/v1/recommendations?user=p1&limit=101"), 400, "limit");
        assertError(get("/v1/recommendations?user=p1&exclude=1,x"), 400, "exclude");
        assertError(post("/v1/recommendations", "{}"), 405, "GET");
        assertError(get("/nowhere"), 404, "no such route");
        assertEquals(200, get("/health").statusCode());
    }

    private static void assertError(HttpResponse<String> response, int status, String fragment) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("{\"error\":\"") && response.body().contains(fragment), response.body());
    }

    private static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(engine.url() + path)).GET().build());
    }

    private static HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(engine.url() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
