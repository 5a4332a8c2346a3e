package com.cinemaabyss.gateway;

import com.cinemaabyss.local.FreePorts;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in upstream for the gateway's tests. It answers with a JSON echo of what reached it (its name,
 * method, raw path and query, every header, the body as text) and can be told to fail or to be slow.
 * Status: 500 when failing, 404 for paths ending in /missing, 302 for /redirect, 201 for POST, else 200.
 */
public final class FakeUpstream implements AutoCloseable {

    public enum Mode { OK, FAIL, SLOW }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private volatile Mode mode = Mode.OK;

    public FakeUpstream(String name) {
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

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public int hits() {
        return hits.get();
    }

    /** The echo an upstream answered with, as JSON: {@code backend, method, path, query, headers{lower-case name: [values]}, body}. */
    public static JsonNode echo(String body) {
        return JSON.readTree(body);
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
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((header, values) -> headers.put(header.toLowerCase(Locale.ROOT), values));
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("backend", name);
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", path);
        echo.put("query", query == null ? "" : query);
        echo.put("headers", headers);
        echo.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] bytes = JSON.writeValueAsBytes(echo);

        int status = mode == Mode.FAIL ? 500 : path.endsWith("/missing") ? 404 : path.endsWith("/redirect") ? 302
                : "POST".equals(exchange.getRequestMethod()) ? 201 : 200;
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Upstream", name);
        exchange.getResponseHeaders().add("Set-Cookie", "a=1");
        exchange.getResponseHeaders().add("Set-Cookie", "b=2");
        if (status == 302) {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
        }
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        if (path.endsWith("/cut-short")) {
            // Declares the whole echo, sends half, and hangs up: the connection closes under an unfinished body.
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
            exchange.getResponseBody().flush();
            exchange.close(); // too few bytes written: the server drops the connection
            return;
        }
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
