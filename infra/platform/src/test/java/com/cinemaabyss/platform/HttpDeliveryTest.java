package com.cinemaabyss.platform;

import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bridge delivers the trace as Knative does: the record's W3C header as {@code traceparent}, else the event's own. */
class HttpDeliveryTest {

    private static final String EVENT_PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String PUBLISH = "00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01";

    private final List<Map<String, List<String>>> received = new ArrayList<>();
    private final HttpServer subscriber = start();
    private final HttpDelivery delivery = new HttpDelivery(Duration.ofSeconds(5));

    @Test
    void theTraceGoesAsTheW3cHeaderBesideTheEventsOwnExtension() {
        URI target = URI.create("http://127.0.0.1:" + subscriber.getAddress().getPort() + "/internal/events/x");
        assertTrue(delivery.deliver(target, event(EVENT_PARENT), PUBLISH).delivered());
        assertTrue(delivery.deliver(target, event(EVENT_PARENT), null).delivered());
        assertTrue(delivery.deliver(target, event("not a traceparent"), null).delivered());

        assertEquals(List.of(PUBLISH), received.get(0).get("Traceparent"), "the publish span is the nearer parent");
        assertEquals(List.of(EVENT_PARENT), received.get(0).get("Ce-traceparent"), "the event's own context travels unchanged");
        assertEquals(List.of(EVENT_PARENT), received.get(1).get("Traceparent"), "without a record header, the event's context");
        assertEquals(null, received.get(2).get("Traceparent"), "what is not a W3C traceparent is not passed on as one");
    }

    private static CloudEvent event(String traceparent) {
        return CloudEventBuilder.v1().withId("e-1").withSource(URI.create("/test")).withType("com.cinemaabyss.test.v1")
                .withExtension("traceparent", traceparent).build();
    }

    private HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                received.add(Map.copyOf(exchange.getRequestHeaders()));
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        subscriber.stop(0);
        delivery.close();
    }
}
