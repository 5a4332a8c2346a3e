package com.cinemaabyss.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The sandbox payment provider: a small HTTP server on 127.0.0.1 that speaks a Stripe-like protocol.
 * <ul>
 *   <li>{@code POST /v1/charges} {@code {amount, currency, payment_token | payment_method, off_session?, metadata:
 *   {payment_id}}}, with {@code Authorization: Bearer <api key>} and an optional {@code Idempotency-Key}: answers the
 *   charge, {@code pending}; its outcome comes by webhook ({@code charge.succeeded} / {@code charge.failed}).</li>
 *   <li>{@code POST /v1/refunds} {@code {charge, amount?}}: refunds at once.</li>
 *   <li>{@code GET /v1/charges/<id>}; {@code GET /health} (no key) for whoever waits for it to start.</li>
 * </ul>
 * Run it with {@code java -jar payment-sandbox.jar} (settings from the environment, see {@link SandboxSettings}) or
 * in-process with {@link #start}.
 */
public final class PaymentSandbox implements AutoCloseable {

    private static final int MAX_BODY = 16 * 1024;
    private static final String CHARGE_PATH = "/v1/charges/";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final Ledger ledger;
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private final Webhooks webhooks;
    private final byte[] expectedAuthorization;
    private final AtomicReference<URI> webhookUrl;

    private PaymentSandbox(SandboxSettings settings) throws IOException {
        Clock clock = Clock.systemUTC();
        this.webhookUrl = new AtomicReference<>(settings.webhookUrl());
        this.webhooks = new Webhooks(json, clock, new WebhookSigner(settings.webhookSecret()), webhookUrl::get,
                settings.delayedBy(), settings.webhookRetries());
        this.ledger = new Ledger(json, clock, webhooks::announce);
        this.expectedAuthorization = ("Bearer " + settings.apiKey()).getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static PaymentSandbox start(SandboxSettings settings) {
        try {
            return new PaymentSandbox(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Where webhooks go from now on (a test learns it once the receiver listens). */
    public void webhookUrl(URI url) {
        webhookUrl.set(url);
    }

    /** The charges made for a payment (metadata payment_id), as the sandbox now has them. */
    public List<ObjectNode> chargesFor(long paymentId) {
        return ledger.chargesFor(Long.toString(paymentId));
    }

    public List<ObjectNode> refunds() {
        return ledger.refunds();
    }

    /** Webhook deliveries answered with 2xx so far. */
    public int webhooksDelivered() {
        return webhooks.delivered();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            Object answer;
            try {
                answer = route(exchange);
            } catch (ProviderError e) {
                status = e.status;
                ObjectNode error = json.createObjectNode();
                error.putObject("error").put("type", e.type).put("code", e.code).put("message", e.getMessage());
                answer = error;
            } catch (RuntimeException e) {
                status = 500;
                ObjectNode error = json.createObjectNode();
                error.putObject("error").put("type", "api_error").put("code", "internal").put("message", "internal error");
                answer = error;
            }
            byte[] body = json.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Object route(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod()) && "/health".equals(exchange.getRequestURI().getPath())) {
            return json.createObjectNode().put("status", true);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), expectedAuthorization)) {
            throw new ProviderError(401, "authentication_error", "api_key_invalid", "Invalid API key provided");
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if ("POST".equals(method) && "/v1/charges".equals(path)) {
            return ledger.charge(key, body(exchange), traceparent(exchange));
        }
        if ("POST".equals(method) && "/v1/refunds".equals(path)) {
            return ledger.refund(key, body(exchange));
        }
        if ("GET".equals(method) && "/v1/charges".equals(path)) {
            return chargeList(exchange.getRequestURI().getRawQuery());
        }
        if ("GET".equals(method) && path.startsWith(CHARGE_PATH)) {
            return ledger.find(path.substring(CHARGE_PATH.length()));
        }
        throw new ProviderError(404, "invalid_request_error", "resource_missing", "Unrecognized request URL (" + method + ")");
    }

    /** The caller's W3C trace context, kept only if it is well formed: it goes out again as a webhook header. */
    private static String traceparent(HttpExchange exchange) {
        String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
        return traceparent != null && TRACEPARENT.matcher(traceparent).matches() ? traceparent : null;
    }

    /** GET /v1/charges?payment_id=N: Stripe's list shape, the charges whose metadata names that payment. */
    private JsonNode chargeList(String query) {
        String prefix = "payment_id=";
        if (query == null || !query.startsWith(prefix) || query.indexOf('&') >= 0) {
            throw ProviderError.invalid("parameter_missing", "list charges with exactly one filter: payment_id");
        }
        ObjectNode list = json.createObjectNode().put("object", "list");
        ledger.chargesFor(query.substring(prefix.length())).forEach(list.putArray("data")::add);
        return list;
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw ProviderError.invalid("body_too_large", "request body over " + MAX_BODY + " bytes");
            }
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw ProviderError.invalid("parameter_invalid", "request body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw ProviderError.invalid("parameter_invalid", "request body is not JSON");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        webhooks.close();
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxSettings settings = SandboxSettings.fromEnv(System.getenv());
        PaymentSandbox sandbox = start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        System.out.println("Payment sandbox on " + sandbox.url() + ", webhooks to " + settings.webhookUrl());
        stopped.await();
    }
}
