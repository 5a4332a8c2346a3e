package com.cinemaabyss.recommendations;

import com.cinemaabyss.engine.EngineSettings;
import com.cinemaabyss.engine.RecommendationEngine;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the adapter under test calls its engine: a front on a fixed port that passes calls to an in-process reference
 * engine, or answers 503 (failing), or sleeps longer than any budget (slow), or is not there at all (stopped); it
 * counts the recommendation calls that reached it. The reference engine behind it can be restarted empty.
 */
final class EngineFront implements AutoCloseable {

    enum Mode { REFERENCE, FAILING, SLOW }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private volatile HttpServer server;
    private volatile RecommendationEngine engine = RecommendationEngine.start(EngineSettings.onPort(0));
    private volatile Mode mode = Mode.REFERENCE;
    final AtomicInteger recommendationCalls = new AtomicInteger();

    EngineFront() {
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** The reference engine forgets everything, as a restart does. */
    void restartEngineEmpty() {
        RecommendationEngine old = engine;
        engine = RecommendationEngine.start(EngineSettings.onPort(0));
        old.close();
    }

    /** Nothing listens on the port any more: connections are refused. */
    void stop() {
        server.stop(0);
    }

    void start() {
        server = listen(port);
    }

    private HttpServer listen(int on) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 50);
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.createContext("/", this::handle);
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals("/v1/recommendations")) {
                recommendationCalls.incrementAndGet();
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (mode) {
                case FAILING -> {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                case SLOW -> {
                    try {
                        Thread.sleep(3_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case REFERENCE -> {
                }
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(engine.url() + exchange.getRequestURI().toString()))
                    .header("Content-Type", "application/json");
            forward = "POST".equals(exchange.getRequestMethod()) ? forward.POST(HttpRequest.BodyPublishers.ofByteArray(body)) : forward.GET();
            HttpResponse<byte[]> answer = HTTP.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        engine.close();
    }
}
