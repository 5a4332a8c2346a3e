package com.cinemaabyss.content.upstream;

import com.cinemaabyss.kit.web.tracing.TraceHeaders;
import com.cinemaabyss.kit.core.UnavailableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A GET to another function with the caller's Authorization header forwarded, a short timeout, and every way it can
 * fail (refused, slow, a 5xx, an answer that is not JSON) turned into 503: playback says "try again", never 500.
 */
final class Upstream {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 64 * 1024;

    private final HttpClient client;
    private final Duration timeout;
    private final String name;
    private final TraceHeaders trace;

    Upstream(String name, Duration timeout, TraceHeaders trace) {
        this.name = name;
        this.trace = trace;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The JSON answer to a 200; empty for a 404; 503 for anything else. */
    Optional<JsonNode> get(URI uri, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        trace.current().forEach(request::header);
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unavailable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw unavailable("answered " + response.statusCode());
        }
        if (response.body().length > MAX_BODY) {
            throw unavailable("answered too much");
        }
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw unavailable("answered something that is not a JSON object");
            }
            return Optional.of(node);
        } catch (tools.jackson.core.JacksonException e) {
            throw unavailable("answered something that is not JSON");
        }
    }

    UnavailableException unavailable(String why) {
        return new UnavailableException(name + " is unavailable (" + why + "): try again shortly", null);
    }
}
