package com.cinemaabyss.bff.web;

import com.cinemaabyss.local.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway in front of fake upstreams: routing, pass-through, the split at runtime, fallback and breaker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cinemaabyss.gateway.movies-timeout=500ms", "cinemaabyss.gateway.movies-breaker.wait-in-open-state=1h"})
class GatewayIT {

    static final FakeUpstream monolith = new FakeUpstream("monolith");
    static final FakeUpstream movies = new FakeUpstream("movies");
    static final FakeUpstream events = new FakeUpstream("events");

    @LocalServerPort
    int port;
    TestHttp http;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("cinemaabyss.gateway.monolith-url", monolith::url);
        registry.add("cinemaabyss.gateway.movies-url", movies::url);
        registry.add("cinemaabyss.gateway.events-url", events::url);
    }

    @AfterAll
    static void stop() {
        monolith.close();
        movies.close();
        events.close();
    }

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
        movies.mode(FakeUpstream.Mode.OK);
    }

    @Test
    void healthIsTheGatewaysOwn() {
        assertEquals("{\"status\":true}", http.get("/health").body());
    }

    @Test
    void requestsPassThroughIntact() {
        HttpResponse<String> created = http.post("/api/users?source=web", "{\"username\":\"neo\"}", "X-Test", "kept");
        assertEquals(201, created.statusCode());
        assertEquals("monolith", created.headers().firstValue("X-Backend").orElseThrow());
        assertEquals("monolith", created.headers().firstValue("X-Upstream").orElseThrow(), "upstream headers come back");
        assertTrue(created.body().contains("\"method\":\"POST\",\"path\":\"/api/users\",\"query\":\"source=web\",\"test_header\":\"kept\""), created.body());
        assertTrue(created.body().contains("\"forwarded_for\":\"127.0.0.1\"") && created.body().contains("\"body\":{\"username\":\"neo\"}"), created.body());
        assertEquals(404, http.get("/api/payments/missing").statusCode(), "upstream statuses pass through");
        assertEquals("events", http.post("/api/events/movie", "{}").headers().firstValue("X-Backend").orElseThrow());
        assertEquals("monolith", http.get("/api/subscriptions?user_id=3").headers().firstValue("X-Backend").orElseThrow());
    }

    @Test
    void theSplitFollowsTheSettingsChangedAtRuntime() {
        migrate(true, 0);
        assertEquals(0, moviesShare(400));
        migrate(true, 100);
        assertEquals(400, moviesShare(400));
        migrate(true, 50);
        int share = moviesShare(2_000);
        assertTrue(Math.abs(share / 20.0 - 50) <= 5, "50% target, got " + share / 20.0 + "%");
        migrate(false, 100);
        assertEquals(0, moviesShare(200), "without gradual migration the percent does not apply");
        assertTrue(http.get("/admin/migration").body().contains("\"gradual_migration\":false,\"movies_migration_percent\":100"));
    }

    @Test
    void knownUsersAreSticky() {
        migrate(true, 50);
        for (int user = 0; user < 40; user++) {
            String first = backendOf(http.get("/api/movies", "X-User-Id", "u" + user));
            for (int again = 0; again < 3; again++) {
                assertEquals(first, backendOf(http.get("/api/movies?id=1", "X-User-Id", "u" + user)));
            }
        }
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void failingMoviesReadsFallBackToTheMonolithAndTheBreakerOpens() {
        migrate(true, 100);
        movies.mode(FakeUpstream.Mode.SLOW);
        HttpResponse<String> slow = http.get("/api/movies?id=2");
        assertEquals(200, slow.statusCode());
        assertEquals("monolith", backendOf(slow));
        assertEquals("true", slow.headers().firstValue("X-Fallback").orElseThrow());

        movies.mode(FakeUpstream.Mode.FAIL);
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> response = http.get("/api/movies");
            assertEquals(200, response.statusCode());
            assertEquals("monolith", backendOf(response));
        }
        int hitsWhenOpen = movies.hits();
        http.get("/api/movies");
        assertEquals(hitsWhenOpen, movies.hits(), "an open breaker keeps calls off the movies service");
        HttpResponse<String> write = http.post("/api/movies", "{\"title\":\"T\"}");
        assertEquals(201, write.statusCode(), "a write not attempted because the breaker is open goes to the monolith");
        assertEquals("monolith", backendOf(write));

        String metrics = http.get("/actuator/prometheus").body();
        assertTrue(metrics.contains("gateway_fallbacks_total{reason=\"timeout\"}"), metrics);
        assertTrue(metrics.contains("gateway_fallbacks_total{reason=\"status_5xx\"}"), metrics);
        assertTrue(metrics.contains("gateway_fallbacks_total{reason=\"circuit_open\"}"), metrics);
        assertTrue(metrics.contains("gateway_movies_migration_percent 100.0"), metrics);
        assertTrue(metrics.contains("gateway_requests_total{backend=\"monolith\",route=\"movies\",status=\"200\"}"), metrics);
        assertTrue(metrics.contains("resilience4j_circuitbreaker_state{name=\"movies-service\",state=\"open\"} 1.0"), metrics);
    }

    @Test
    void badInputIsAJsonError() {
        assertTrue(TestHttp.isJsonError(http.put("/admin/migration", "{\"gradual_migration\":true,\"movies_migration_percent\":150}"), 400, "from 0 to 100"));
        assertTrue(TestHttp.isJsonError(http.put("/admin/migration", "{\"gradual_migration\":true}"), 400, "movies_migration_percent"));
        assertTrue(TestHttp.isJsonError(http.put("/admin/migration", "not json"), 400, "malformed JSON"));
        assertTrue(TestHttp.isJsonError(http.get("/nowhere"), 404, "no route"));
        assertTrue(TestHttp.isJsonError(http.send(http.request("/api/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(70_000)))), 413, "larger than"));
    }

    private void migrate(boolean gradual, int percent) {
        HttpResponse<String> response = http.put("/admin/migration",
                "{\"gradual_migration\":" + gradual + ",\"movies_migration_percent\":" + percent + "}");
        assertEquals(200, response.statusCode(), response.body());
    }

    private int moviesShare(int requests) {
        int toMovies = 0;
        for (int i = 0; i < requests; i++) {
            if ("movies".equals(backendOf(http.get("/api/movies")))) {
                toMovies++;
            }
        }
        return toMovies;
    }

    private static String backendOf(HttpResponse<String> response) {
        return response.headers().firstValue("X-Backend").orElseThrow();
    }
}
