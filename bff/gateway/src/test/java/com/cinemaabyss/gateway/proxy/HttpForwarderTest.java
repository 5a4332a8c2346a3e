package com.cinemaabyss.gateway.proxy;

import com.cinemaabyss.gateway.FakeUpstream;
import com.cinemaabyss.local.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HttpForwarderTest {

    static final FakeUpstream upstream = new FakeUpstream("catalog");
    static final HttpForwarder forwarder = new HttpForwarder(Duration.ofMillis(500), new ForwardedHeaders(0));

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
        IncomingRequest request = new IncomingRequest("PATCH", "/api/movies/7", "a=1&b=%20x", headers,
                "hello".getBytes(StandardCharsets.UTF_8), "192.0.2.1", "http", "gateway.example");

        UpstreamResponse response = forwarder.forward(request, URI.create(upstream.url() + "/"), Duration.ofSeconds(2));

        assertEquals(200, response.status());
        JsonNode echo = FakeUpstream.echo(new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("PATCH", echo.get("method").asString());
        assertEquals("/api/movies/7", echo.get("path").asString());
        assertEquals("a=1&b=%20x", echo.get("query").asString());
        assertEquals("hello", echo.get("body").asString());
        JsonNode seen = echo.get("headers");
        for (String dropped : List.of("x-hop", "keep-alive", "te", "proxy-authorization")) {
            assertFalse(seen.has(dropped), dropped + " must not be forwarded: " + seen);
        }
        assertEquals(upstream.url().substring("http://".length()), seen.get("host").get(0).asString());
        assertEquals("5", seen.get("content-length").get(0).asString());
        assertEquals("https://cinema.example/", seen.get("referer").get(0).asString());
        assertEquals(2, seen.get("x-test").size(), "repeated headers keep every value");
        assertEquals("192.0.2.1", seen.get("x-forwarded-for").get(0).asString(), "what the client claimed is not passed on");
        assertEquals("http", seen.get("x-forwarded-proto").get(0).asString());
        assertEquals("gateway.example", seen.get("x-forwarded-host").get(0).asString());
        assertEquals(List.of("a=1", "b=2"), response.headers().get("set-cookie"));
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
        IncomingRequest get = new IncomingRequest("GET", "/api/movies", null, Map.of(), new byte[0], "127.0.0.1", "http", null);
        UpstreamFailure refused = assertThrows(UpstreamFailure.class,
                () -> forwarder.forward(get, URI.create("http://127.0.0.1:" + FreePorts.pick()), Duration.ofSeconds(2)));
        assertEquals("unreachable", refused.reason());

        upstream.mode(FakeUpstream.Mode.SLOW);
        try {
            UpstreamFailure slow = assertThrows(UpstreamFailure.class,
                    () -> forwarder.forward(get, URI.create(upstream.url()), Duration.ofMillis(200)));
            assertEquals("timeout", slow.reason());
        } finally {
            upstream.mode(FakeUpstream.Mode.OK);
        }
    }
}
