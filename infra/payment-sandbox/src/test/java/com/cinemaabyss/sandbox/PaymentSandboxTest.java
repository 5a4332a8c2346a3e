package com.cinemaabyss.sandbox;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox as a client of it sees it: keys, idempotency, test tokens, refunds, and signed webhooks with retries. */
class PaymentSandboxTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Received(String signature, String body, String traceparent) {
    }

    PaymentSandbox sandbox;
    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failFirst = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        sandbox = PaymentSandbox.start(SandboxSettings.forTests("sk_test", "whsec_test"));
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = failFirst.getAndDecrement() > 0 ? 503 : 200;
                if (status == 200) {
                    received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER), body,
                            exchange.getRequestHeaders().getFirst("traceparent")));
                }
                exchange.sendResponseHeaders(status, -1);
            }
        });
        receiver.start();
        sandbox.webhookUrl(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.stop(0);
    }

    @Test
    void aChargeNeedsTheApiKey() {
        assertEquals(401, post("/v1/charges", "sk_wrong", null, charge("tok_visa", 1)).statusCode());
        assertEquals(401, post("/v1/charges", null, null, charge("tok_visa", 1)).statusCode());
        assertEquals(0, sandbox.chargesFor(1).size());
    }

    @Test
    void theSameIdempotencyKeyChargesOnceAndAnotherBodyWithItIsRefused() throws InterruptedException {
        HttpResponse<String> first = post("/v1/charges", "sk_test", "k-2", charge("tok_visa", 2));
        HttpResponse<String> again = post("/v1/charges", "sk_test", "k-2", charge("tok_visa", 2));
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(first.body(), again.body());
        assertTrue(first.body().contains("\"status\":\"pending\"") && first.body().contains("\"payment_method\":\"pm_"), first.body());
        assertEquals(1, sandbox.chargesFor(2).size());
        assertEquals(400, post("/v1/charges", "sk_test", "k-2", charge("tok_visa", 3)).statusCode());
        HttpResponse<String> listed = get("/v1/charges?payment_id=2", "sk_test");
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().startsWith("{\"object\":\"list\",\"data\":[{") && listed.body().split("\"id\":\"ch_").length == 2,
                listed.body());
        assertEquals("{\"object\":\"list\",\"data\":[]}", get("/v1/charges?payment_id=3", "sk_test").body());
        assertEquals(400, get("/v1/charges", "sk_test").statusCode(), "no listing of every charge");
        assertEquals(401, get("/v1/charges?payment_id=2", "sk_wrong").statusCode());
        awaitReceived(1);
        Received hook = received.getFirst();
        assertTrue(hook.body().contains("\"type\":\"charge.succeeded\""), hook.body());
        long t = Long.parseLong(hook.signature().substring(2, hook.signature().indexOf(',')));
        assertEquals("t=" + t + ",v1=" + new WebhookSigner("whsec_test").hmacHex(t, hook.body().getBytes(StandardCharsets.UTF_8)), hook.signature());
    }

    @Test
    void aChargesWebhookCarriesTheTraceOfTheCallThatCreatedIt() throws InterruptedException {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertEquals(200, post("/v1/charges", "sk_test", "k-20", charge("tok_visa", 20), "traceparent", traceparent).statusCode());
        assertEquals(200, post("/v1/charges", "sk_test", "k-21", charge("tok_visa", 21), "traceparent", "00-not-a-trace").statusCode());
        awaitReceived(2);
        assertEquals(traceparent, received.stream().filter(r -> r.body().contains("\"payment_id\":\"20\"")).findFirst().orElseThrow().traceparent());
        assertNull(received.stream().filter(r -> r.body().contains("\"payment_id\":\"21\"")).findFirst().orElseThrow().traceparent(),
                "a malformed trace header is not sent on");
    }

    @Test
    void aDeclinedTokenFailsAndSavesNoPaymentMethod() throws InterruptedException {
        HttpResponse<String> created = post("/v1/charges", "sk_test", "k-4", charge("tok_chargeDeclined", 4));
        assertTrue(!created.body().contains("payment_method"), created.body());
        awaitReceived(1);
        assertTrue(received.getFirst().body().contains("\"type\":\"charge.failed\"") && received.getFirst().body().contains("card_declined"));
        assertEquals(400, post("/v1/charges", "sk_test", null, charge("tok_unknown", 5)).statusCode());
    }

    @Test
    void aDuplicateWebhookTokenDeliversTheSameEventTwiceAndRetriesFollowFailures() throws InterruptedException {
        failFirst.set(2);
        post("/v1/charges", "sk_test", "k-6", charge("tok_duplicateWebhook", 6));
        awaitReceived(2);
        String id = received.getFirst().body().replaceAll(".*\"id\":\"(evt_[0-9a-f]+)\".*", "$1");
        assertTrue(received.get(1).body().contains(id));
    }

    @Test
    void aSavedPaymentMethodChargesOffSessionAndRefundsStopAtWhatWasPaid() throws InterruptedException {
        String body = post("/v1/charges", "sk_test", "k-7", charge("tok_visa", 7)).body();
        String pm = body.replaceAll(".*\"payment_method\":\"(pm_[0-9a-f]+)\".*", "$1");
        HttpResponse<String> offSession = post("/v1/charges", "sk_test", "k-8",
                "{\"amount\":500,\"currency\":\"EUR\",\"payment_method\":\"" + pm + "\",\"off_session\":true,\"metadata\":{\"payment_id\":\"8\"}}");
        assertEquals(200, offSession.statusCode(), offSession.body());
        awaitReceived(2);
        String charge = body.replaceAll(".*\"id\":\"(ch_[0-9a-f]+)\".*", "$1");
        assertEquals(200, post("/v1/refunds", "sk_test", "r-1", "{\"charge\":\"" + charge + "\",\"amount\":600}").statusCode());
        assertEquals(400, post("/v1/refunds", "sk_test", "r-2", "{\"charge\":\"" + charge + "\",\"amount\":500}").statusCode());
        assertEquals(200, post("/v1/refunds", "sk_test", "r-3", "{\"charge\":\"" + charge + "\"}").statusCode());
        assertEquals(2, sandbox.refunds().size());
        assertEquals(399, sandbox.refunds().get(1).path("amount").asLong());
    }

    private void awaitReceived(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (received.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(200);
        assertEquals(count, received.size(), "webhooks received");
    }

    private static String charge(String token, long paymentId) {
        return "{\"amount\":999,\"currency\":\"EUR\",\"payment_token\":\"" + token + "\",\"metadata\":{\"payment_id\":\"" + paymentId + "\"}}";
    }

    private HttpResponse<String> get(String path, String key) {
        try {
            return HTTP.send(HttpRequest.newBuilder(sandbox.url().resolve(path)).header("Authorization", "Bearer " + key).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> post(String path, String key, String idempotencyKey, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(sandbox.url().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
