package com.cinemaabyss.bff.proxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Forwards one request to an upstream as it came (method, path, query, body, end-to-end headers) and
 * returns the answer as it came. Hop-by-hop headers stay on their own hop, as RFC 9110 says.
 */
public class HttpForwarder {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "proxy-authorization", "proxy-authenticate", "host", "content-length", "expect", "http2-settings");

    private final HttpClient client;

    public HttpForwarder(Duration connectTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public UpstreamResponse forward(IncomingRequest request, URI upstream, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target(upstream, request))
                .timeout(timeout)
                .method(request.method(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.header("X-Forwarded-For", request.remoteAddress());
        builder.header("X-Forwarded-Proto", request.scheme());
        if (request.host() != null) {
            builder.header("X-Forwarded-Host", request.host());
        }
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
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

    private static URI target(URI upstream, IncomingRequest request) {
        String base = upstream.toString().replaceAll("/+$", "");
        return URI.create(base + request.rawPath() + (request.rawQuery() == null ? "" : "?" + request.rawQuery()));
    }

    private static Map<String, List<String>> endToEnd(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (!name.startsWith(":") && !HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name, values);
            }
        });
        return kept;
    }
}
