package com.cinemaabyss.recommendations.engine;

import com.cinemaabyss.kit.core.JsonLimits;
import com.cinemaabyss.recommendations.domain.EngineItem;
import com.cinemaabyss.recommendations.domain.Interaction;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The engine's HTTP contract (infra/recommendation-engine/openapi.yaml), every call bounded by {@code timeout} and
 * behind one circuit breaker: an error, a non-2xx answer, an unreadable body or a call slower than the timeout counts
 * as a failure; while the breaker is open no call leaves, and {@link #recommend} answers empty at once.
 */
public class EngineClient {

    private static final JsonMapper JSON = JsonMapper.builder(JsonLimits.factory()).build();
    static final int MAX_EXCLUDE = 200;
    static final int MAX_ITEMS = 100;

    private final URI base;
    private final Duration timeout;
    private final CircuitBreaker breaker;
    private final HttpClient http;

    public EngineClient(URI base, Duration timeout, CircuitBreaker breaker) {
        this.base = base;
        this.timeout = timeout;
        this.breaker = breaker;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).executor(Executors.newVirtualThreadPerTaskExecutor())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * The engine's items for the profile's engine user, or empty when it failed, took longer than the timeout (or
     * {@code within}, if shorter) or the breaker is open; an empty list when it had nothing.
     */
    public Optional<List<EngineItem>> recommend(String user, int limit, Collection<Long> exclude, Duration within) {
        Duration wait = within.compareTo(timeout) < 0 ? within : timeout;
        if (!wait.isPositive()) {
            return Optional.empty();
        }
        String excluded = exclude.stream().limit(MAX_EXCLUDE).map(String::valueOf).collect(Collectors.joining(","));
        URI uri = base.resolve("/v1/recommendations?user=" + user + "&limit=" + Math.min(MAX_ITEMS, limit)
                + (excluded.isEmpty() ? "" : "&exclude=" + excluded));
        try {
            return Optional.of(breaker.executeCheckedSupplier(() -> parse(send(HttpRequest.newBuilder(uri).timeout(wait).GET().build()))));
        } catch (CallNotPermittedException open) {
            return Optional.empty();
        } catch (Throwable failed) {
            return Optional.empty();
        }
    }

    /**
     * Sends a batch of interactions (at most the engine's 1000); false when it did not go (a failure, or the breaker is
     * open: then nothing is sent). Forwarding is not counted by the breaker, which guards the reads' latency: a
     * burst of successful writes must not hide failing reads, nor failing writes open the breaker for reads.
     */
    public boolean record(List<Interaction> batch) {
        if (breaker.getState() == CircuitBreaker.State.OPEN || breaker.getState() == CircuitBreaker.State.FORCED_OPEN) {
            return false;
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("interactions");
        batch.forEach(i -> list.addObject().put("user", i.user()).put("item", i.item()).put("kind", i.kind()).put("weight", i.weight())
                .put("at", i.at().toString()));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/interactions")).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        try {
            send(request);
            return true;
        } catch (Throwable failed) {
            return false;
        }
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    private byte[] send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the engine answered " + response.statusCode());
        }
        return response.body();
    }

    static List<EngineItem> parse(byte[] body) throws IOException {
        JsonNode items = JSON.readTree(body).path("items");
        if (!items.isArray()) {
            throw new IOException("the engine's answer has no items array");
        }
        List<EngineItem> out = new ArrayList<>();
        for (JsonNode item : items) {
            if (out.size() >= MAX_ITEMS) {
                break;
            }
            long id = item.path("item").asLong(0);
            if (id < 1) {
                throw new IOException("the engine answered an item without a valid id");
            }
            List<Long> because = new ArrayList<>();
            item.path("because").forEach(b -> because.add(b.asLong()));
            out.add(new EngineItem(id, item.path("score").asDouble(0), List.copyOf(because.subList(0, Math.min(3, because.size())))));
        }
        return out;
    }
}
