package com.cinemaabyss.gateway.web;

import com.cinemaabyss.local.FreePorts;
import com.cinemaabyss.kit.test.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway with nothing listening behind it and a token on its admin routes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cinemaabyss.gateway.auth.admin-token=s3cret", "cinemaabyss.migration.gradual=true", "cinemaabyss.migration.percent=100"})
class GatewayAloneIT {

    @LocalServerPort
    int port;
    TestHttp http;

    @DynamicPropertySource
    static void deadUpstreams(DynamicPropertyRegistry registry) {
        registry.add("cinemaabyss.gateway.monolith-url", () -> "http://127.0.0.1:" + FreePorts.pick());
        registry.add("cinemaabyss.gateway.catalog-url", () -> "http://127.0.0.1:" + FreePorts.pick());
        registry.add("cinemaabyss.gateway.events-url", () -> "http://127.0.0.1:" + FreePorts.pick());
    }

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
    }

    @Test
    void anUnreachableUpstreamIsA503WithAJsonError() {
        assertEquals(200, http.get("/health").statusCode());
        assertUnavailable(http.get("/api/users?id=1"), "monolith");
        assertUnavailable(http.post("/api/events/movie", "{}"), "events");
        assertUnavailable(http.get("/api/movies?id=1"), "monolith");
        assertUnavailable(http.post("/api/movies", "{\"title\":\"Solaris\"}"), "catalog");
        assertUnavailable(http.get("/api/v1/titles/7"), "catalog");
        String metrics = http.get("/actuator/prometheus").body();
        assertTrue(metrics.contains("gateway_requests_total{backend=\"monolith\",route=\"users\",status=\"503\"} 1.0"), metrics);
        assertTrue(metrics.contains("gateway_requests_total{backend=\"catalog\",route=\"titles\",status=\"503\"} 1.0"), metrics);
        assertFalse(metrics.contains("route=\"v1\""), "a route's label is its collection, not the API version");
    }

    @Test
    void adminRoutesWantTheToken() {
        assertTrue(TestHttp.isJsonError(http.get("/admin/migration"), 401, "bearer token is required"));
        assertTrue(TestHttp.isJsonError(http.get("/admin/migration", "Authorization", "Bearer wrong"), 401, "bearer token"));
        String change = "{\"gradual_migration\":true,\"movies_migration_percent\":30}";
        assertTrue(TestHttp.isJsonError(http.put("/admin/migration", change), 401, "bearer token is required"));

        HttpResponse<String> read = http.get("/admin/migration", "Authorization", "Bearer s3cret");
        assertEquals(200, read.statusCode());
        assertEquals("{\"gradual_migration\":true,\"movies_migration_percent\":100}", read.body(), "the settings it started with");
        assertEquals(200, http.put("/admin/migration", change, "Authorization", "Bearer s3cret").statusCode());
        assertEquals(change, http.get("/admin/migration", "Authorization", "Bearer s3cret").body());
        http.put("/admin/migration", "{\"gradual_migration\":true,\"movies_migration_percent\":100}", "Authorization", "Bearer s3cret");
    }

    @Test
    void theFunctionBeansAreNotReachableByNameAroundTheToken() {
        assertTrue(TestHttp.isJsonError(http.post("/updateMigration", "{\"gradual_migration\":false,\"movies_migration_percent\":0}"), 404, "no route"));
        assertTrue(TestHttp.isJsonError(http.get("/migrationSettings"), 404, "no route"));
        assertTrue(TestHttp.isJsonError(http.get("/chooseMoviesBackend"), 404, "no route"));
    }

    private static void assertUnavailable(HttpResponse<String> response, String backend) {
        assertTrue(TestHttp.isJsonError(response, 503, "unavailable"), response.statusCode() + " " + response.body());
        assertEquals(backend, response.headers().firstValue("X-Backend").orElseThrow());
    }
}
