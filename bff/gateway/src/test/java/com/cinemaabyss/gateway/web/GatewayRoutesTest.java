package com.cinemaabyss.gateway.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GatewayRoutesTest {

    @Test
    void aRoutesMetricsLabelIsItsCollectionNotTheApiVersion() {
        assertEquals("movies", GatewayRoutes.label("/api/movies/**"));
        assertEquals("titles", GatewayRoutes.label("/api/v1/titles/**"));
        assertEquals("me/payments", GatewayRoutes.label("/api/v1/me/payments/**"));
        assertEquals("notifications/unsubscribe", GatewayRoutes.label("/api/v1/notifications/unsubscribe"));
        assertEquals("web", GatewayRoutes.label("/api/web/**"));
        assertEquals("jwks.json", GatewayRoutes.label("/.well-known/jwks.json"));
    }

    @Test
    void allOfTheWebClientsFilesShareOneLabel() {
        GatewayRoutes.WEB_CLIENT_FILES.forEach(file -> assertEquals("web-client", GatewayRoutes.label(file)));
    }
}
