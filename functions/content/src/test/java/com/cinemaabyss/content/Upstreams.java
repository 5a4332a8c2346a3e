package com.cinemaabyss.content;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * subscriptions' entitlements and profile's profiles as small local HTTP servers, answering by the forwarded
 * Authorization header as the real ones answer by the token's user: what a test set, an inactive entitlement or a 404
 * otherwise; {@code down} answers 500 to everything.
 */
final class Upstreams implements AutoCloseable {

    final Map<String, Boolean> active = new ConcurrentHashMap<>();
    /** "authorization|profile id" -> max_age_rating. */
    final Map<String, Integer> profiles = new ConcurrentHashMap<>();
    volatile boolean subscriptionsDown;
    volatile boolean profileDown;
    private final HttpServer server;

    Upstreams() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/v1/entitlements/me", exchange -> {
            if (subscriptionsDown) {
                answer(exchange, 500, "{\"error\":\"internal error\"}");
                return;
            }
            boolean on = active.getOrDefault(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")), false);
            answer(exchange, 200, on ? "{\"active\":true,\"plan_id\":\"basic\",\"until\":\"2099-01-01T00:00:00Z\",\"max_profiles\":4}"
                    : "{\"active\":false,\"plan_id\":null,\"until\":null,\"max_profiles\":0}");
        });
        server.createContext("/api/v1/me/profiles/", exchange -> {
            if (profileDown) {
                answer(exchange, 503, "{\"error\":\"unavailable\"}");
                return;
            }
            String id = exchange.getRequestURI().getPath().substring("/api/v1/me/profiles/".length());
            Integer limit = profiles.get(exchange.getRequestHeaders().getFirst("Authorization") + "|" + id);
            if (limit == null) {
                answer(exchange, 404, "{\"error\":\"profile not found\"}");
            } else {
                answer(exchange, 200, "{\"id\":" + id + ",\"name\":\"Kid\",\"language\":\"ru\",\"max_age_rating\":" + limit
                        + ",\"kids\":" + (limit < 18) + ",\"created_at\":\"2030-01-01T00:00:00Z\"}");
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        try (exchange) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
