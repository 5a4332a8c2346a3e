package com.cinemaabyss.sandbox;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Delivers charge outcomes to the configured URL as signed events ({@code {"id": "evt_...", "type", "created",
 * "data": {"object": charge}}}), each attempt signed afresh with the time it is sent; a delivery answered with
 * anything but 2xx (or not answered) is tried again after each pause of the settings, then given up.
 */
final class Webhooks implements AutoCloseable {

    private static final System.Logger log = System.getLogger(Webhooks.class.getName());

    private final JsonMapper json;
    private final Clock clock;
    private final WebhookSigner signer;
    private final Supplier<URI> url;
    private final Duration delayedBy;
    private final List<Duration> retries;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("sandbox-webhooks").daemon().factory());
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger delivered = new AtomicInteger();

    Webhooks(JsonMapper json, Clock clock, WebhookSigner signer, Supplier<URI> url, Duration delayedBy, List<Duration> retries) {
        this.json = json;
        this.clock = clock;
        this.signer = signer;
        this.url = url;
        this.delayedBy = delayedBy;
        this.retries = retries;
    }

    void announce(Ledger.Outcome outcome) {
        byte[] random = new byte[12];
        this.random.nextBytes(random);
        ObjectNode event = json.createObjectNode();
        event.put("id", "evt_" + HexFormat.of().formatHex(random));
        event.put("object", "event");
        event.put("type", outcome.type());
        event.put("created", clock.instant().getEpochSecond());
        event.putObject("data").set("object", outcome.charge());
        byte[] body = json.writeValueAsBytes(event);
        long delay = outcome.token().delayed() ? delayedBy.toMillis() : 0;
        schedule(body, outcome.traceparent(), 0, delay);
        if (outcome.token().duplicated()) {
            schedule(body, outcome.traceparent(), 0, delay + 50);
        }
    }

    /** How many deliveries were answered with 2xx. */
    int delivered() {
        return delivered.get();
    }

    private void schedule(byte[] body, String traceparent, int attempt, long delayMillis) {
        scheduler.schedule(() -> deliver(body, traceparent, attempt), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void deliver(byte[] body, String traceparent, int attempt) {
        URI target = url.get();
        int status = -1;
        if (target != null) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header(WebhookSigner.HEADER, signer.header(clock.instant().getEpochSecond(), body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                if (traceparent != null) {
                    request.header("traceparent", traceparent);
                }
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                log.log(System.Logger.Level.DEBUG, "webhook not delivered: {0}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (status >= 200 && status < 300) {
            delivered.incrementAndGet();
            return;
        }
        if (attempt < retries.size()) {
            log.log(System.Logger.Level.INFO, "webhook to {0} answered {1}; attempt {2} in {3}", target, status, attempt + 2, retries.get(attempt));
            schedule(body, traceparent, attempt + 1, retries.get(attempt).toMillis());
        } else {
            log.log(System.Logger.Level.WARNING, "webhook to {0} given up after {1} attempts", target, attempt + 1);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
