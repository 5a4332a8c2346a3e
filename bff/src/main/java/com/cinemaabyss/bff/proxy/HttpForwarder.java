package com.cinemaabyss.bff.proxy;

import com.cinemaabyss.kit.web.InvalidRequestException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Forwards one request to an upstream as it came (method, path, query, body, end-to-end headers) and
 * returns the answer as it came. Hop-by-hop headers, and those a {@code Connection} header names, stay on
 * their own hop (RFC 9110 section 7.6.1); the client sets Host and Content-Length itself.
 */
public class HttpForwarder implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "host", "content-length", "expect", "http2-settings");
    private static final Set<String> SET_BY_GATEWAY = Set.of("x-forwarded-for", "x-forwarded-proto", "x-forwarded-host");

    private final HttpClient client;

    public HttpForwarder(Duration connectTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    public UpstreamResponse forward(IncomingRequest request, URI upstream, Duration timeout) {
        HttpRequest outgoing = outgoing(request, upstream, timeout);
        try {
            HttpResponse<byte[]> response = client.send(outgoing, HttpResponse.BodyHandlers.ofByteArray());
            return new UpstreamResponse(response.statusCode(), endToEnd(response.headers().map()), response.body());
        } catch (HttpConnectTimeoutException e) {
            throw new UpstreamFailure("connect_timeout", "could not connect to " + upstream + " in time", null, e);
        } catch (HttpTimeoutException e) {
            throw new UpstreamFailure("timeout", upstream + " did not answer within " + timeout.toMillis() + " ms", null, e);
        } catch (IOException e) {
            throw new UpstreamFailure("unreachable", upstream + " is unreachable", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamFailure("interrupted", "interrupted while calling " + upstream, null, e);
        }
    }

    private static HttpRequest outgoing(IncomingRequest request, URI upstream, Duration timeout) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(target(upstream, request))
                    .timeout(timeout)
                    .method(request.method(), request.body().length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            endToEnd(request.headers()).forEach((name, values) -> {
                if (!SET_BY_GATEWAY.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
            forwardedHeaders(request).forEach(builder::header);
            return builder.build();
        } catch (IllegalArgumentException e) {
            // The JDK client is stricter than the servlet container about methods and header values.
            throw new InvalidRequestException("request cannot be forwarded: " + e.getMessage());
        }
    }

    /** X-Forwarded-For grows by this hop; Proto and Host keep what a proxy in front of us said, if one did. */
    private static Map<String, String> forwardedHeaders(IncomingRequest request) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        String priorFor = request.header("X-Forwarded-For");
        forwarded.put("X-Forwarded-For", priorFor == null ? request.remoteAddress() : priorFor + ", " + request.remoteAddress());
        String proto = request.header("X-Forwarded-Proto");
        forwarded.put("X-Forwarded-Proto", proto == null ? request.scheme() : proto);
        String host = request.header("X-Forwarded-Host") != null ? request.header("X-Forwarded-Host") : request.host();
        if (host != null) {
            forwarded.put("X-Forwarded-Host", host);
        }
        return forwarded;
    }

    private static URI target(URI upstream, IncomingRequest request) {
        String base = upstream.toString().replaceAll("/+$", "");
        return URI.create(base + request.rawPath() + (request.rawQuery() == null ? "" : "?" + request.rawQuery()));
    }

    static Map<String, List<String>> endToEnd(Map<String, List<String>> headers) {
        Set<String> namedByConnection = headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Connection"))
                .flatMap(e -> e.getValue().stream())
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(token -> token.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Map<String, List<String>> kept = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!name.startsWith(":") && !HOP_BY_HOP.contains(lower) && !lower.startsWith("proxy-") && !namedByConnection.contains(lower)) {
                kept.put(name, values);
            }
        });
        return kept;
    }

    @Override
    public void close() {
        client.close();
    }
}
