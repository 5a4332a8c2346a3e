package com.cinemaabyss.kit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small JSON-over-HTTP client for tests that talk to a running function app. */
public final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final String base;
    private final HttpClient client;

    public TestHttp(String base) {
        this(base, CLIENT);
    }

    private TestHttp(String base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /** A client whose connections come from {@code localAddress} (e.g. 127.0.0.2, for a client "elsewhere" on loopback). */
    public static TestHttp from(String base, InetAddress localAddress) {
        return new TestHttp(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).localAddress(localAddress).build());
    }

    public static TestHttp at(int port) {
        return new TestHttp("http://127.0.0.1:" + port);
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public HttpResponse<String> post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code "id": N} in a JSON body. */
    public static long idOf(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no numeric id in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    /** Every {@code "id": N} in a JSON body, in order. */
    public static List<Long> ids(String json) {
        return ID.matcher(json).results().map(m -> Long.parseLong(m.group(1))).toList();
    }

    /** True when the response is a JSON {@code {"error": ...}} with this status whose message contains {@code fragment}. */
    public static boolean isJsonError(HttpResponse<String> response, int status, String fragment) {
        return response.statusCode() == status
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                && response.body().startsWith("{\"error\":")
                && response.body().contains(fragment);
    }
}
