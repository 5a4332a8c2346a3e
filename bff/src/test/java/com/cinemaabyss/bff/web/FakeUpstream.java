package com.cinemaabyss.bff.web;

import com.cinemaabyss.local.FreePorts;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in upstream for the gateway's tests: it echoes what reached it (backend name, method, path,
 * query, body, a test header) and can be told to fail or to be slow.
 */
final class FakeUpstream implements AutoCloseable {

    enum Mode { OK, FAIL, SLOW }

    private final String name;
    private final HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private volatile Mode mode = Mode.OK;

    FakeUpstream(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.pick()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    int hits() {
        return hits.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        if (mode == Mode.SLOW) {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        String echo = "{\"backend\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\""
                + exchange.getRequestURI().getRawPath() + "\",\"query\":\"" + (query == null ? "" : query)
                + "\",\"test_header\":\"" + exchange.getRequestHeaders().getFirst("X-Test") + "\",\"forwarded_for\":\""
                + exchange.getRequestHeaders().getFirst("X-Forwarded-For") + "\",\"body\":" + (body.isEmpty() ? "null" : body) + "}";
        int status = mode == Mode.FAIL ? 500 : exchange.getRequestURI().getRawPath().endsWith("/missing") ? 404
                : "POST".equals(exchange.getRequestMethod()) ? 201 : 200;
        byte[] bytes = echo.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Upstream", name);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
