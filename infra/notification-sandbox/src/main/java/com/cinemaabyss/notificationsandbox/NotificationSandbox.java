package com.cinemaabyss.notificationsandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * The stand-in push service and SMS provider, on 127.0.0.1 (8094 under the local platform):
 * <ul>
 *   <li>{@code POST /push/subscriptions}: a test subscription, {@code {endpoint, expirationTime, keys: {p256dh, auth}}}
 *   as a browser's {@code PushSubscription.toJSON()}; the stand-in keeps its private key, so it can read what is pushed.</li>
 *   <li>{@code POST /push/<id>}: a Web Push message (RFC 8030): VAPID checked (401/403), {@code TTL} and
 *   {@code Content-Encoding: aes128gcm} required, the aes128gcm header checked (400), decrypted when the subscription is
 *   the stand-in's own (400 if that fails); 201 taken.</li>
 *   <li>{@code POST /sms/v1/messages} {@code {to, from, text}} with {@code Authorization: Bearer <api key>}: 202 taken,
 *   once per {@code Idempotency-Key}.</li>
 *   <li>{@code GET /messages[?to=<subscription id or phone>][&channel=push|sms]}: what was taken, oldest first.</li>
 *   <li>{@code POST /failures} {@code {to, status, times?}}: answer status (e.g. 503, 410, 400) to the next times
 *   messages to that recipient (0 or absent: to every one); {@code DELETE /failures?to=} stops it.</li>
 *   <li>{@code GET /health}.</li>
 * </ul>
 */
public final class NotificationSandbox implements AutoCloseable {

    public static final int DEFAULT_PORT = 8094;
    private static final int MAX_BODY = 8192;
    private static final String PUSH = "/push/";

    private record Subscription(KeyPair keys, byte[] auth) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final Inbox inbox = new Inbox();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, String> smsByKey = new ConcurrentHashMap<>();
    private final byte[] expectedAuthorization;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    private NotificationSandbox(int port, String smsApiKey) throws IOException {
        if (smsApiKey == null || smsApiKey.isBlank()) {
            throw new IllegalArgumentException("the notification sandbox needs an SMS API key (SMS_SANDBOX_API_KEY)");
        }
        this.expectedAuthorization = ("Bearer " + smsApiKey).getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Listens on 127.0.0.1:{@code port} (0: a free one); SMS callers must present {@code smsApiKey}. */
    public static NotificationSandbox start(int port, String smsApiKey) {
        try {
            return new NotificationSandbox(port, smsApiKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        NotificationSandbox sandbox = start(Integer.parseInt(env.getOrDefault("NOTIFICATION_SANDBOX_PORT", Integer.toString(DEFAULT_PORT))),
                env.get("SMS_SANDBOX_API_KEY"));
        System.out.println("notification sandbox on " + sandbox.url());
        new CountDownLatch(1).await();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A new test subscription, as a browser's PushSubscription.toJSON() (the stand-in keeps its private key). */
    public Map<String, Object> newSubscription() {
        KeyPair keys = PushMessages.newKeyPair();
        byte[] auth = new byte[16];
        random.nextBytes(auth);
        String id = UUID.randomUUID().toString();
        subscriptions.put(id, new Subscription(keys, auth));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("endpoint", url() + PUSH + id);
        subscription.put("expirationTime", null);
        subscription.put("keys", Map.of("p256dh", b64.encodeToString(PushMessages.uncompressed((ECPublicKey) keys.getPublic())),
                "auth", b64.encodeToString(auth)));
        return subscription;
    }

    /** What was taken for a recipient (a subscription's id, the last segment of its endpoint, or a phone number). */
    public List<Map<String, Object>> received(String to) {
        return inbox.list(to, null).stream().map(NotificationSandbox::view).toList();
    }

    /** Answer {@code status} to the next {@code times} messages to {@code to} (0: every one until {@link #clear}). */
    public void failNext(String to, int status, int times) {
        inbox.failNext(to, status, times);
    }

    public void clear(String to) {
        inbox.clear(to);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status;
            Object answer;
            try {
                Answer a = route(exchange);
                status = a.status();
                answer = a.body();
            } catch (VapidCheck.Refused e) {
                status = e.status;
                answer = Map.of("error", e.getMessage());
            } catch (IllegalArgumentException | JacksonException e) {
                status = 400;
                answer = Map.of("error", String.valueOf(e.getMessage()));
            } catch (RuntimeException e) {
                status = 500;
                answer = Map.of("error", "internal error");
            }
            byte[] body = json.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private record Answer(int status, Object body) {
    }

    private Answer route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if ("GET".equals(method) && "/health".equals(path)) {
            return new Answer(200, Map.of("status", true));
        }
        if ("GET".equals(method) && "/messages".equals(path)) {
            return new Answer(200, Map.of("items", inbox.list(query.get("to"), query.get("channel")).stream().map(NotificationSandbox::view).toList()));
        }
        if ("POST".equals(method) && "/push/subscriptions".equals(path)) {
            return new Answer(201, newSubscription());
        }
        if ("POST".equals(method) && path.startsWith(PUSH)) {
            return push(exchange, path.substring(PUSH.length()));
        }
        if ("POST".equals(method) && "/sms/v1/messages".equals(path)) {
            return sms(exchange);
        }
        if ("POST".equals(method) && "/failures".equals(path)) {
            JsonNode body = json.readTree(read(exchange));
            String to = body.path("to").asString("");
            int status = body.path("status").asInt(0);
            if (to.isBlank() || to.length() > 200 || status < 400 || status > 599) {
                throw new IllegalArgumentException("failures take {to, status 400..599, times?}");
            }
            inbox.failNext(to, status, body.path("times").asInt(0));
            return new Answer(200, Map.of("to", to, "status", status));
        }
        if ("DELETE".equals(method) && "/failures".equals(path) && query.containsKey("to")) {
            inbox.clear(query.get("to"));
            return new Answer(200, Map.of("to", query.get("to"), "cleared", true));
        }
        return new Answer(404, Map.of("error", "no route " + method + " " + path));
    }

    private Answer push(HttpExchange exchange, String id) throws IOException {
        if (id.isEmpty() || id.length() > 200 || id.contains("/")) {
            return new Answer(404, Map.of("error", "no such subscription"));
        }
        String subject = VapidCheck.check(exchange.getRequestHeaders().getFirst("Authorization"), url().toString(), clock);
        String ttl = exchange.getRequestHeaders().getFirst("TTL");
        if (ttl == null || !ttl.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("TTL (seconds) is required (RFC 8030 5.2)");
        }
        if (!"aes128gcm".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            throw new IllegalArgumentException("Content-Encoding must be aes128gcm (RFC 8291)");
        }
        byte[] body = read(exchange);
        PushMessages.frame(body);
        int failure = inbox.failure(id);
        if (failure != 0) {
            return new Answer(failure, Map.of("error", "failing on request with " + failure));
        }
        String payload = null;
        Subscription mine = subscriptions.get(id);
        if (mine != null) {
            try {
                payload = new String(PushMessages.decrypt(body, mine.keys(), mine.auth()), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("the message does not decrypt with this subscription's keys: " + e.getMessage());
            }
        }
        Map<String, String> details = new HashMap<>();
        details.put("ttl", ttl);
        details.put("urgency", String.valueOf(exchange.getRequestHeaders().getFirst("Urgency")));
        details.put("vapid_subject", subject);
        details.put("bytes", Integer.toString(body.length));
        Inbox.Received r = inbox.add("push", id, payload, details);
        exchange.getResponseHeaders().set("Location", url() + "/messages/" + r.id());
        return new Answer(201, view(r));
    }

    private Answer sms(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8))) {
            return new Answer(401, Map.of("error", "Authorization: Bearer <api key> required"));
        }
        JsonNode body = json.readTree(read(exchange));
        String to = body.path("to").asString("");
        String text = body.path("text").asString("");
        if (!to.matches("\\+[1-9][0-9]{6,14}") || text.isEmpty() || text.length() > 1600) {
            throw new IllegalArgumentException("to must be an E.164 number and text 1..1600 characters");
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null && smsByKey.containsKey(key)) {
            return new Answer(202, Map.of("id", smsByKey.get(key), "replayed", true));
        }
        int failure = inbox.failure(to);
        if (failure != 0) {
            return new Answer(failure, Map.of("error", "failing on request with " + failure));
        }
        Inbox.Received r = inbox.add("sms", to, text, Map.of("from", body.path("from").asString("")));
        if (key != null && key.length() <= 200) {
            smsByKey.put(key, r.id());
        }
        return new Answer(202, view(r));
    }

    private static Map<String, Object> view(Inbox.Received r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id());
        v.put("channel", r.channel());
        v.put("to", r.to());
        v.put("received_at", r.receivedAt().toString());
        v.put("payload", r.payload());
        v.putAll(r.details());
        return v;
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new IllegalArgumentException("body larger than " + MAX_BODY + " bytes");
            }
            return body;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
