package com.cinemaabyss.engine;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The reference recommendation engine (contract: {@code infra/recommendation-engine/openapi.yaml}):
 * {@code POST /v1/interactions} takes batches of what users did with items, {@code GET /v1/recommendations?user=&limit=&exclude=}
 * answers items by {@link CoOccurrence}, {@code GET /health}. Everything is in memory: a restart starts empty, and
 * its clients must cope with empty answers.
 */
public final class RecommendationEngine implements AutoCloseable {

    static final int MAX_BODY = 1 << 20;
    static final int MAX_BATCH = 1_000;
    static final int MAX_LIMIT = 100;
    static final int MAX_EXCLUDE = 200;
    static final long MAX_ID = 9_007_199_254_740_991L;
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9:_-]{1,128}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final CoOccurrence model;

    private RecommendationEngine(EngineSettings settings) throws IOException {
        this.model = new CoOccurrence(settings.itemsPerUser(), settings.usersPerItem(), settings.seedItems());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 100);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static RecommendationEngine start(EngineSettings settings) {
        try {
            return new RecommendationEngine(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            switch (path) {
                case "/health" -> {
                    if (allowed(exchange, method, "GET")) {
                        respond(exchange, 200, JSON.createObjectNode().put("status", true).put("users", model.users()));
                    }
                }
                case "/v1/interactions" -> {
                    if (allowed(exchange, method, "POST")) {
                        int accepted = ingest(exchange);
                        respond(exchange, 202, JSON.createObjectNode().put("accepted", accepted));
                    }
                }
                case "/v1/recommendations" -> {
                    if (allowed(exchange, method, "GET")) {
                        respond(exchange, 200, recommend(query(exchange.getRequestURI().getRawQuery())));
                    }
                }
                default -> error(exchange, 404, "no such route");
            }
        } catch (BadRequest e) {
            error(exchange, e.status, e.getMessage());
        } catch (JacksonException e) {
            error(exchange, 400, "the body is not valid JSON");
        } catch (RuntimeException e) {
            error(exchange, 500, "internal error");
        } finally {
            exchange.close();
        }
    }

    private int ingest(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(readBody(exchange));
        JsonNode list = body == null ? null : body.get("interactions");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_BATCH) {
            throw new BadRequest(400, "'interactions' must be an array of 1 to " + MAX_BATCH + " interactions");
        }
        List<CoOccurrence.Interaction> parsed = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            parsed.add(interaction(list.get(i), "interactions[" + i + "]"));
        }
        parsed.forEach(model::record);
        return parsed.size();
    }

    static CoOccurrence.Interaction interaction(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw new BadRequest(400, at + " must be an object");
        }
        JsonNode user = node.get("user");
        if (user == null || !user.isString() || !USER.matcher(user.asString()).matches()) {
            throw new BadRequest(400, at + ".user must be 1 to 128 characters of A-Z, a-z, 0-9, ':', '_', '-'");
        }
        JsonNode item = node.get("item");
        if (item == null || !item.isIntegralNumber() || !item.canConvertToLong() || item.asLong() < 1 || item.asLong() > MAX_ID) {
            throw new BadRequest(400, at + ".item must be an integer from 1 to " + MAX_ID);
        }
        JsonNode kind = node.get("kind");
        CoOccurrence.Kind parsedKind = kind == null || !kind.isString() ? null : switch (kind.asString()) {
            case "view" -> CoOccurrence.Kind.VIEW;
            case "rating" -> CoOccurrence.Kind.RATING;
            case "favorite" -> CoOccurrence.Kind.FAVORITE;
            default -> null;
        };
        if (parsedKind == null) {
            throw new BadRequest(400, at + ".kind must be one of view, rating, favorite");
        }
        JsonNode weight = node.get("weight");
        if (weight == null || !weight.isNumber() || !(weight.asDouble() >= 0 && weight.asDouble() <= 10)) {
            throw new BadRequest(400, at + ".weight must be a number from 0 to 10 (0 removes the interaction of that kind)");
        }
        return new CoOccurrence.Interaction(user.asString(), item.asLong(), parsedKind, weight.asDouble());
    }

    private ObjectNode recommend(Map<String, String> query) {
        String user = query.get("user");
        if (user == null || !USER.matcher(user).matches()) {
            throw new BadRequest(400, "query parameter 'user' must be 1 to 128 characters of A-Z, a-z, 0-9, ':', '_', '-'");
        }
        int limit = 20;
        if (query.containsKey("limit")) {
            limit = (int) number(query.get("limit"), "limit", MAX_LIMIT);
        }
        Set<Long> exclude = new HashSet<>();
        String raw = query.getOrDefault("exclude", "");
        if (!raw.isEmpty()) {
            String[] ids = raw.split(",", MAX_EXCLUDE + 2);
            if (ids.length > MAX_EXCLUDE) {
                throw new BadRequest(400, "query parameter 'exclude' lists at most " + MAX_EXCLUDE + " items");
            }
            for (String id : ids) {
                exclude.add(number(id, "exclude", MAX_ID));
            }
        }
        ObjectNode answer = JSON.createObjectNode().put("user", user);
        ArrayNode items = answer.putArray("items");
        for (CoOccurrence.Recommendation r : model.recommend(user, limit, exclude)) {
            ObjectNode item = items.addObject().put("item", r.item()).put("score", r.score());
            r.because().forEach(item.putArray("because")::add);
        }
        return answer;
    }

    private static long number(String raw, String name, long max) {
        if (raw != null && !raw.isEmpty() && raw.length() <= 16 && raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long value = Long.parseLong(raw);
            if (value >= 1 && value <= max) {
                return value;
            }
        }
        throw new BadRequest(400, "query parameter '" + name + "' must be integers from 1 to " + max);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        if (raw.length() > 8_192) {
            throw new BadRequest(414, "the query is too long");
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, "the query is not valid percent-encoding");
            }
        }
        return out;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                // Read (a bounded amount of) the rest, so the client is still reading when the 413 comes.
                in.transferTo(new BoundedSink(16L * MAX_BODY));
                throw new BadRequest(413, "the body is larger than " + MAX_BODY + " bytes");
            }
            return body;
        }
    }

    private static boolean allowed(HttpExchange exchange, String method, String allowed) throws IOException {
        if (allowed.equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", allowed);
        error(exchange, 405, "this route takes " + allowed);
        return false;
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        respond(exchange, status, JSON.createObjectNode().put("error", message));
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Swallows up to {@code max} bytes, then refuses more (the connection is then closed). */
    private static final class BoundedSink extends java.io.OutputStream {
        private long left;

        BoundedSink(long max) {
            this.left = max;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            left -= len;
            if (left < 0) {
                throw new IOException("body far too large");
            }
        }
    }

    static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        RecommendationEngine engine = start(EngineSettings.fromEnv(System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            stopped.countDown();
        }));
        System.out.println("Reference recommendation engine on " + engine.url());
        stopped.await();
    }
}
