package com.cinemaabyss.platform;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local PingSource: the manifest's schedule, Knative's ping CloudEvent, the delivery token, a fast interval for tests. */
class PingSourcesTest {

    private static final Schedule RENEWALS = new Schedule("renewals", "cinemaabyss", "*/5 * * * *", ZoneId.of("UTC"), "subscriptions",
            "/internal/schedules/renewals", "application/json", "{\"schedule\":\"renewals\"}");

    @Test
    void theRenewalsPingSourceOfTheManifestsIsReadWithItsSinkAndData() {
        List<Schedule> schedules = KnativeWiring.load(KnativeWiringTest.KNATIVE).schedules();
        assertEquals(List.of(RENEWALS), schedules);
    }

    @Test
    void theCronIsKnativesFiveFieldScheduleMatchingOnTheMinute() {
        ZonedDateTime at = ZonedDateTime.parse("2026-11-25T19:43:07Z");
        assertEquals(Instant.parse("2026-11-25T19:45:00Z"), RENEWALS.next(at).toInstant());
        assertEquals(Instant.parse("2026-11-25T19:50:00Z"), RENEWALS.next(RENEWALS.next(at)).toInstant());
        assertThrows(IllegalArgumentException.class, () -> Schedule.expression("0 */5 * * * *"), "six fields is not Knative's cron");
        assertThrows(IllegalArgumentException.class, () -> Schedule.expression("*/5 * * *"));
        assertThrows(IllegalArgumentException.class, () -> Schedule.expression("61 * * * *"));
    }

    @Test
    void aFastIntervalPostsKnativesPingEventWithTheDeliveryToken() throws Exception {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/", exchange -> {
            Map<String, String> request = new java.util.HashMap<>();
            request.put("path", exchange.getRequestURI().getPath());
            exchange.getRequestHeaders().forEach((name, values) -> request.put(name.toLowerCase(), values.getFirst()));
            request.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(request);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        sink.start();
        URI url = URI.create("http://127.0.0.1:" + sink.getAddress().getPort());
        try (PingSources pings = new PingSources(List.of(RENEWALS), service -> url, new HttpDelivery(Duration.ofSeconds(5), "tok"),
                Duration.ofMillis(200), Clock.systemUTC()).start()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(received.size() >= 3, "fired every 200 ms, not every 5 minutes: " + received.size());
            assertEquals(new PingSources.Health("renewals", pings.health().getFirst().fired(), pings.health().getFirst().delivered(), null),
                    pings.health().getFirst());
        } finally {
            sink.stop(0);
        }
        Map<String, String> first = received.getFirst();
        assertEquals("/internal/schedules/renewals", first.get("path"));
        assertEquals("Bearer tok", first.get("authorization"), "the bridge's token, which the functions' internal routes want");
        assertEquals("dev.knative.sources.ping", first.get("ce-type"));
        assertEquals("/apis/v1/namespaces/cinemaabyss/pingsources/renewals", first.get("ce-source"));
        assertEquals("application/json", first.get("content-type"));
        assertEquals("{\"schedule\":\"renewals\"}", first.get("body"));
        assertTrue(!first.get("ce-id").equals(received.get(1).get("ce-id")), "a fresh id per ping");
    }

    @Test
    void thePingIntervalComesFromTheEnvironment() {
        assertEquals(Duration.ofSeconds(2), PlatformOptions.interval("2s"));
        assertEquals(Duration.ofMillis(500), PlatformOptions.interval("500ms"));
        assertEquals(Duration.ofMinutes(1), PlatformOptions.interval("PT1M"));
        assertThrows(IllegalArgumentException.class, () -> PlatformOptions.interval("0s"));
        assertThrows(IllegalArgumentException.class, () -> PlatformOptions.interval("soon"));
        PlatformOptions options = PlatformOptions.fromArgs(new String[] {"--root", KnativeWiringTest.KNATIVE.getParent().toString()},
                Map.of("CINEMAABYSS_PING_INTERVAL", "2s"));
        assertEquals(Duration.ofSeconds(2), options.pingInterval());
        assertEquals(null, PlatformOptions.fromArgs(new String[] {"--root", KnativeWiringTest.KNATIVE.getParent().toString()}, Map.of())
                .pingInterval(), "the manifests' cron by default");
    }
}
