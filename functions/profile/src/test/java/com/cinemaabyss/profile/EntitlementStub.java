package com.cinemaabyss.profile;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * subscriptions' {@code GET /api/v1/entitlements/me} on 127.0.0.1: answers what a test set for the caller's
 * Authorization header (no entitlement: {@code active:false}), or 500 for a header marked broken.
 */
final class EntitlementStub implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Integer> maxProfiles = new ConcurrentHashMap<>();
    private final Map<String, Boolean> broken = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    EntitlementStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/entitlements/me", exchange -> {
            calls.incrementAndGet();
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            int status = 200;
            String body;
            if (broken.containsKey(authorization)) {
                status = 500;
                body = "{\"error\":\"down\"}";
            } else if (maxProfiles.containsKey(authorization)) {
                body = "{\"active\":true,\"plan_id\":\"premium-year\",\"until\":\"2030-01-01T00:00:00Z\",\"max_profiles\":"
                        + maxProfiles.get(authorization) + "}";
            } else {
                body = "{\"active\":false,\"plan_id\":null,\"until\":null,\"max_profiles\":0}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void plan(String authorization, int max) {
        maxProfiles.put(authorization, max);
    }

    void breakFor(String authorization) {
        broken.put(authorization, true);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
