package com.cinemaabyss.gateway.web;

import com.cinemaabyss.gateway.FakeUpstream;
import com.cinemaabyss.kit.test.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * All movie traffic on the catalog, which then fails: reads fall back to the monolith, writes do not,
 * and after enough failures the breaker opens. In order, since the breaker carries over from test to test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cinemaabyss.migration.gradual=true", "cinemaabyss.migration.percent=100",
        "cinemaabyss.gateway.catalog-timeout=500ms", "cinemaabyss.gateway.catalog-breaker.wait-in-open-state=1h"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MoviesFallbackIT {

    static final FakeUpstream monolith = new FakeUpstream("monolith");
    static final FakeUpstream movies = new FakeUpstream("catalog");

    @LocalServerPort
    int port;
    TestHttp http;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("cinemaabyss.gateway.monolith-url", monolith::url);
        registry.add("cinemaabyss.gateway.catalog-url", movies::url);
    }

    @AfterAll
    static void stop() {
        monolith.close();
        movies.close();
    }

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
    }

    @Test
    @Order(1)
    void aSlowMoviesServiceIsReplacedByTheMonolithForReadsOnly() {
        movies.mode(FakeUpstream.Mode.SLOW);
        HttpResponse<String> read = http.get("/api/movies?id=2");
        assertEquals(200, read.statusCode());
        assertEquals("monolith", backendOf(read));
        assertEquals("true", read.headers().firstValue("X-Fallback").orElseThrow());
        assertEquals("id=2", FakeUpstream.echo(read.body()).get("query").asString(), "the fallback gets the same request");

        int monolithHits = monolith.hits();
        HttpResponse<String> write = http.post("/api/movies", "{\"title\":\"Stalker\"}");
        assertTrue(TestHttp.isJsonError(write, 504, "did not answer"), write.statusCode() + " " + write.body());
        assertEquals("catalog", backendOf(write));
        assertEquals(monolithHits, monolith.hits(), "a write is not repeated on the monolith");

        HttpResponse<String> everyMovie = http.get("/api/movies");
        assertTrue(TestHttp.isJsonError(everyMovie, 504, "did not answer"), everyMovie.statusCode() + " " + everyMovie.body());
        assertEquals(monolithHits, monolith.hits(), "a full scan that timed out is not run again on the monolith");
        assertEquals(200, http.get("/api/movies?limit=5").statusCode(), "a page still falls back");
    }

    @Test
    @Order(2)
    void aFailingMoviesServiceIsReplacedByTheMonolithForReadsOnly() {
        movies.mode(FakeUpstream.Mode.FAIL);
        HttpResponse<String> read = http.get("/api/movies");
        assertEquals(200, read.statusCode());
        assertEquals("monolith", backendOf(read));
        assertEquals("true", read.headers().firstValue("X-Fallback").orElseThrow());

        int monolithHits = monolith.hits();
        HttpResponse<String> write = http.post("/api/movies", "{\"title\":\"Stalker\"}");
        assertEquals(500, write.statusCode(), "the catalog's own answer to a write comes back as it is");
        assertEquals("catalog", backendOf(write));
        assertEquals(monolithHits, monolith.hits());
    }

    @Test
    @Order(3)
    void repeatedFailuresOpenTheBreakerWhichKeepsCallsOffTheMoviesService() {
        movies.mode(FakeUpstream.Mode.FAIL);
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = http.get("/api/movies");
            assertEquals(200, response.statusCode());
            assertEquals("monolith", backendOf(response));
        }
        movies.mode(FakeUpstream.Mode.OK);
        int moviesHits = movies.hits();
        HttpResponse<String> read = http.get("/api/movies");
        assertEquals("monolith", backendOf(read));
        assertEquals("true", read.headers().firstValue("X-Fallback").orElseThrow());
        int monolithHits = monolith.hits();
        HttpResponse<String> write = http.post("/api/movies", "{\"title\":\"Mirror\"}");
        assertTrue(TestHttp.isJsonError(write, 503, "circuit breaker open"), write.statusCode() + " " + write.body());
        assertEquals("catalog", backendOf(write));
        assertEquals(moviesHits, movies.hits(), "an open breaker keeps calls off the catalog");
        assertEquals(monolithHits, monolith.hits(), "and writes off the monolith");

        String metrics = http.get("/actuator/prometheus").body();
        assertTrue(metrics.contains("gateway_fallbacks_total{reason=\"timeout\"} 2.0"), "a read and a page fell back after timeouts: " + metrics);
        assertTrue(metrics.contains("gateway_fallbacks_total{reason=\"status_5xx\"}"), metrics);
        assertTrue(metrics.contains("gateway_fallbacks_total{reason=\"circuit_open\"}"), metrics);
        assertTrue(metrics.contains("gateway_requests_total{backend=\"monolith\",route=\"movies\",status=\"200\"}"), metrics);
        assertTrue(metrics.contains("gateway_requests_total{backend=\"catalog\",route=\"movies\",status=\"503\"} 1.0"), metrics);
        assertTrue(metrics.contains("gateway_movies_migration_percent 100.0"), metrics);
        assertTrue(metrics.contains("gateway_gradual_migration 1.0"), metrics);
        assertTrue(metrics.contains("resilience4j_circuitbreaker_state{name=\"catalog\",state=\"open\"} 1.0"), metrics);
    }

    @Test
    void withoutAnAdminTokenConfiguredTheAdminRoutesAreClosedEvenToAnEmptyOne() {
        assertTrue(TestHttp.isJsonError(http.get("/admin/migration"), 401, "bearer token is required"));
        assertTrue(TestHttp.isJsonError(http.put("/admin/migration", "{\"gradual_migration\":false,\"movies_migration_percent\":0}",
                "Authorization", "Bearer "), 401, "malformed"));
    }

    private static String backendOf(HttpResponse<String> response) {
        return response.headers().firstValue("X-Backend").orElseThrow();
    }
}
