package com.cinemaabyss.gateway.proxy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ForwardedHeadersTest {

    private static IncomingRequest from(String peer, Map<String, List<String>> headers) {
        return new IncomingRequest("GET", "/api/movies", null, headers, peer, "http", "cinemaabyss.example.com");
    }

    @Test
    void withNoTrustedProxyWhatTheClientClaimsIsReplaced() {
        IncomingRequest forged = from("198.51.100.4", Map.of("X-Forwarded-For", List.of("10.0.0.1, 127.0.0.1"),
                "X-Forwarded-Proto", List.of("https"), "X-Forwarded-Host", List.of("admin.internal")));
        assertEquals(Map.of("X-Forwarded-For", "198.51.100.4", "X-Forwarded-Proto", "http", "X-Forwarded-Host", "cinemaabyss.example.com"),
                new ForwardedHeaders(0).of(forged));
    }

    @Test
    void behindOneTrustedProxyTheClientIsTheAddressItReported() {
        // The client forged 10.0.0.1; the ingress appended the address it really saw, 203.0.113.9.
        IncomingRequest viaIngress = from("10.244.0.12", Map.of("X-Forwarded-For", List.of("10.0.0.1, 203.0.113.9"),
                "X-Forwarded-Proto", List.of("https")));
        Map<String, String> forwarded = new ForwardedHeaders(1).of(viaIngress);
        assertEquals("203.0.113.9", forwarded.get("X-Forwarded-For"));
        assertEquals("https", forwarded.get("X-Forwarded-Proto"));
    }

    @Test
    void fewerHopsThanTrustedProxiesFallBackToTheFirstAndGarbageToThePeer() {
        assertEquals("203.0.113.9", new ForwardedHeaders(3).clientAddress(from("10.244.0.12", Map.of("X-Forwarded-For", List.of("203.0.113.9")))));
        assertEquals("10.244.0.12", new ForwardedHeaders(1).clientAddress(from("10.244.0.12", Map.of("X-Forwarded-For", List.of("<script>")))));
        assertThrows(IllegalArgumentException.class, () -> new ForwardedHeaders(-1));
    }
}
