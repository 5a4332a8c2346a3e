package com.cinemaabyss.payments;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import com.cinemaabyss.sandbox.PaymentSandbox;
import com.cinemaabyss.sandbox.SandboxSettings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider behind a switch: while it is down (503 to everything), a quote.confirmed delivery fails with 503 and
 * the payment stays pending; delivered again once the provider is back, it is charged, once. And deliveries racing each
 * other all reach the provider with the payment id as the key: still one charge.
 */
class ProviderOutageIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicBoolean DOWN = new AtomicBoolean();
    private static final AtomicInteger CALLS = new AtomicInteger();

    private static PaymentSandbox sandbox;
    private static HttpServer provider;
    private static ConfigurableApplicationContext payments;
    private static TestHttp http;

    @BeforeAll
    static void start() throws IOException {
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(Topics.BILLING_EVENTS, 1, (short) 1),
                new NewTopic(Topics.PAYMENT_CHANGES, 1, (short) 1)));
        sandbox = PaymentSandbox.start(SandboxSettings.forTests("sk_outage", "whsec_outage"));
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        provider.createContext("/", ProviderOutageIT::forwardUnlessDown);
        provider.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        provider.start();
        List<String> arguments = new ArrayList<>(List.of(SharedTestInfra.functionAppArguments()));
        TestIdentity.shared().properties().forEach((name, value) -> arguments.add("--" + name + "=" + value.get()));
        arguments.add("--cinemaabyss.payments.provider.url=http://127.0.0.1:" + provider.getAddress().getPort());
        arguments.add("--cinemaabyss.payments.provider.api-key=sk_outage");
        arguments.add("--cinemaabyss.payments.provider.webhook-secret=whsec_outage");
        arguments.add("--cinemaabyss.payments.provider.retry-wait=50ms");
        payments = new SpringApplicationBuilder(PaymentsApplication.class).run(arguments.toArray(String[]::new));
        int port = Integer.parseInt(payments.getEnvironment().getProperty("local.server.port"));
        http = TestHttp.at(port);
        sandbox.webhookUrl(URI.create("http://127.0.0.1:" + port + "/api/v1/payments/webhooks/sandbox"));
    }

    @AfterAll
    static void stop() {
        payments.close();
        provider.stop(0);
        sandbox.close();
    }

    @Test
    void aProviderOutageLeavesThePaymentPendingAndTheRedeliveryChargesItOnce() {
        long[] c = checkout(1_000_002);
        String confirmed = quoteConfirmed(1_000_002, c[0], c[1]);
        DOWN.set(true);
        int before = CALLS.get();
        HttpResponse<String> failed = deliver(UUID.randomUUID().toString(), confirmed);
        assertEquals(503, failed.statusCode(), failed.body());
        assertEquals(3, CALLS.get() - before, "tried three times with the same key");
        assertTrue(status(1_000_002, c[0]).contains("\"status\":\"pending\""));
        assertEquals(0, sandbox.chargesFor(c[1]).size());

        DOWN.set(false);
        assertEquals(202, deliver(UUID.randomUUID().toString(), confirmed).statusCode());
        awaitSucceeded(1_000_002, c[0]);
        assertEquals(1, sandbox.chargesFor(c[1]).size());
    }

    @Test
    void racingDeliveriesOfOneQuoteChargeOnce() throws Exception {
        long[] c = checkout(1_000_004);
        String confirmed = quoteConfirmed(1_000_004, c[0], c[1]);
        int before = CALLS.get();
        List<Callable<Integer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            deliveries.add(() -> deliver(UUID.randomUUID().toString(), confirmed).statusCode());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<Integer> delivered : pool.invokeAll(deliveries)) {
                assertEquals(202, delivered.get());
            }
        }
        awaitSucceeded(1_000_004, c[0]);
        assertTrue(CALLS.get() - before >= 1);
        assertEquals(1, sandbox.chargesFor(c[1]).size(), "one charge, however many deliveries reached the provider ("
                + (CALLS.get() - before) + " calls)");
    }

    private static void forwardUnlessDown(HttpExchange exchange) throws IOException {
        try (exchange) {
            CALLS.incrementAndGet();
            if (DOWN.get()) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(sandbox.url().resolve(exchange.getRequestURI().getPath()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            for (String header : List.of("Authorization", "Idempotency-Key", "Content-Type")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    forward.header(header, value);
                }
            }
            HttpResponse<byte[]> answer = HTTP.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long[] checkout(long user) {
        HttpResponse<String> created = http.post("/api/v1/checkouts", "{\"quote_id\":" + user + ",\"payment_token\":\"tok_visa\"}",
                "Authorization", TestIdentity.shared().bearer(user), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(202, created.statusCode(), created.body());
        return new long[] {PaymentsApiIT.number(created.body(), "checkout_id"), PaymentsApiIT.number(created.body(), "payment_id")};
    }

    private static String quoteConfirmed(long user, long checkoutId, long paymentId) {
        return "{\"checkout_id\":" + checkoutId + ",\"payment_id\":" + paymentId + ",\"user_id\":" + user + ",\"quote_id\":" + user
                + ",\"plan_id\":\"basic\",\"period\":\"month\",\"max_profiles\":1,\"trial_days\":0,\"list_price\":999,"
                + "\"amount\":999,\"currency\":\"EUR\",\"points_used\":0}";
    }

    private static HttpResponse<String> deliver(String id, String data) {
        return http.send(http.request("/internal/events/discount-events").header("ce-specversion", "1.0").header("ce-id", id)
                .header("ce-source", "/cinemaabyss/discounts").header("ce-type", EventTypes.QUOTE_CONFIRMED)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(data)));
    }

    private static String status(long user, long checkoutId) {
        return http.get("/api/v1/checkouts/" + checkoutId, "Authorization", TestIdentity.shared().bearer(user)).body();
    }

    private static void awaitSucceeded(long user, long checkoutId) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!status(user, checkoutId).contains("\"status\":\"succeeded\"")) {
            assertTrue(System.currentTimeMillis() < deadline, "checkout " + checkoutId + " did not succeed: " + status(user, checkoutId));
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
