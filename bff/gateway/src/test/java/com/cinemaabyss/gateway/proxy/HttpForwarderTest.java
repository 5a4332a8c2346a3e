package com.cinemaabyss.gateway.proxy;

import com.cinemaabyss.gateway.FakeUpstream;
import com.cinemaabyss.local.FreePorts;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpForwarderTest {

    static final FakeUpstream upstream = new FakeUpstream("catalog");
    static final HttpForwarder forwarder = new HttpForwarder(Duration.ofMillis(500), new ForwardedHeaders(0));

    /** What the forwarder handed on: status, headers, and the body gathered. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
    }

    @AfterAll
    static void stop() {
        forwarder.close();
        upstream.close();
    }

    @Test
    void forwardsMethodPathQueryBodyAndEndToEndHeadersOnly() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Connection", List.of("keep-alive, X-Hop"));
        headers.put("X-Hop", List.of("only for the first hop"));
        headers.put("Keep-Alive", List.of("timeout=5"));
        headers.put("TE", List.of("trailers"));
        headers.put("Proxy-Authorization", List.of("Basic Zm9vOmJhcg=="));
        headers.put("Host", List.of("gateway.example"));
        headers.put("Content-Length", List.of("5"));
        headers.put("X-Forwarded-For", List.of("203.0.113.7"));
        headers.put("Referer", List.of("https://cinema.example/"));
        headers.put("X-Test", List.of("one", "two"));
        IncomingRequest request = new IncomingRequest("PATCH", "/api/movies/7", "a=1&b=%20x", headers, "192.0.2.1", "http", "gateway.example");

        Answer response = forward(request, body("hello"), URI.create(upstream.url() + "/"), Duration.ofSeconds(2));

        assertEquals(200, response.status());
        JsonNode echo = FakeUpstream.echo(response.body());
        assertEquals("PATCH", echo.get("method").asString());
        assertEquals("/api/movies/7", echo.get("path").asString());
        assertEquals("a=1&b=%20x", echo.get("query").asString());
        assertEquals("hello", echo.get("body").asString());
        JsonNode seen = echo.get("headers");
        for (String dropped : List.of("x-hop", "keep-alive", "te", "proxy-authorization", "transfer-encoding")) {
            assertFalse(seen.has(dropped), dropped + " must not be forwarded: " + seen);
        }
        assertEquals(upstream.url().substring("http://".length()), seen.get("host").get(0).asString());
        assertEquals("5", seen.get("content-length").get(0).asString(), "a body of known length keeps its length");
        assertEquals("https://cinema.example/", seen.get("referer").get(0).asString());
        assertEquals(2, seen.get("x-test").size(), "repeated headers keep every value");
        assertEquals("192.0.2.1", seen.get("x-forwarded-for").get(0).asString(), "what the client claimed is not passed on");
        assertEquals("http", seen.get("x-forwarded-proto").get(0).asString());
        assertEquals("gateway.example", seen.get("x-forwarded-host").get(0).asString());
        assertEquals(List.of("a=1", "b=2"), response.headers().get("set-cookie"));
    }

    @Test
    void aBodyOfUnknownLengthIsStreamedChunkedAndArrivesWhole() {
        IncomingRequest request = new IncomingRequest("POST", "/api/users", null,
                Map.of("Transfer-Encoding", List.of("chunked")), "192.0.2.1", "http", null);
        Flux<DataBuffer> pieces = Flux.range(0, 40).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                ("piece " + i + ";").getBytes(StandardCharsets.UTF_8)));

        JsonNode echo = FakeUpstream.echo(forward(request, pieces, URI.create(upstream.url()), Duration.ofSeconds(2)).body());

        assertEquals("piece 0;piece 1;".length(), echo.get("body").asString().indexOf("piece 2;"));
        assertTrue(echo.get("body").asString().endsWith("piece 39;"), echo.toString());
        assertEquals("chunked", echo.get("headers").get("transfer-encoding").get(0).asString());
    }

    @Test
    void theAnswerIsHandedOnBeforeTheUpstreamHasFinishedIt() throws Exception {
        CountDownLatch firstPartRead = new CountDownLatch(1);
        HttpServer slowBody = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.pick()), 0);
        slowBody.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("first;".getBytes(StandardCharsets.UTF_8));
                out.flush();
                // The rest only comes once the gateway has passed the first part on: a buffering proxy would wait forever.
                firstPartRead.await(5, TimeUnit.SECONDS);
                out.write("second".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        slowBody.start();
        try {
            IncomingRequest get = new IncomingRequest("GET", "/stream", null, Map.of(), "127.0.0.1", "http", null);
            StringBuilder received = new StringBuilder();
            AtomicReference<Boolean> firstBeforeEnd = new AtomicReference<>();
            forwarder.forward(get, Flux.empty(), URI.create("http://127.0.0.1:" + slowBody.getAddress().getPort()), Duration.ofSeconds(5),
                    response -> response.body().doOnNext(part -> {
                        received.append(part.toString(StandardCharsets.UTF_8));
                        DataBufferUtils.release(part);
                        if (received.toString().equals("first;")) {
                            firstBeforeEnd.set(true);
                            firstPartRead.countDown();
                        }
                    }).then()).block(Duration.ofSeconds(10));
            assertEquals(Boolean.TRUE, firstBeforeEnd.get());
            assertEquals("first;second", received.toString());
        } finally {
            slowBody.stop(0);
        }
    }

    @Test
    void dropsHopByHopResponseHeaders() {
        Map<String, List<String>> kept = HttpForwarder.endToEnd(Map.of(
                "connection", List.of("close, x-hop"), "x-hop", List.of("1"), "transfer-encoding", List.of("chunked"),
                "proxy-authenticate", List.of("Basic"), "content-length", List.of("3"), "etag", List.of("\"v1\"")));
        assertEquals(Map.of("etag", List.of("\"v1\"")), kept);
    }

    @Test
    void anUnreachableOrSlowUpstreamIsAnUpstreamFailure() {
        IncomingRequest get = new IncomingRequest("GET", "/api/movies", null, Map.of(), "127.0.0.1", "http", null);
        UpstreamFailure refused = assertThrows(UpstreamFailure.class,
                () -> forward(get, Flux.empty(), URI.create("http://127.0.0.1:" + FreePorts.pick()), Duration.ofSeconds(2)));
        assertEquals("unreachable", refused.reason());

        upstream.mode(FakeUpstream.Mode.SLOW);
        try {
            UpstreamFailure slow = assertThrows(UpstreamFailure.class,
                    () -> forward(get, Flux.empty(), URI.create(upstream.url()), Duration.ofMillis(200)));
            assertEquals("timeout", slow.reason());
        } finally {
            upstream.mode(FakeUpstream.Mode.OK);
        }
    }

    private static Flux<DataBuffer> body(String text) {
        return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Answer forward(IncomingRequest request, Flux<DataBuffer> body, URI target, Duration timeout) {
        AtomicReference<Answer> answer = new AtomicReference<>();
        forwarder.forward(request, body, target, timeout, response -> DataBufferUtils.join(response.body())
                .map(joined -> {
                    String text = joined.toString(StandardCharsets.UTF_8);
                    DataBufferUtils.release(joined);
                    return text;
                })
                .defaultIfEmpty("")
                .doOnNext(text -> answer.set(new Answer(response.status(), response.headers(), text)))
                .then(Mono.empty())).block(Duration.ofSeconds(10));
        return answer.get();
    }
}
