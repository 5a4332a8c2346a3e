package com.cinemaabyss.kit.web.tracing;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import com.cinemaabyss.kit.web.CloudEventRequests;
import com.cinemaabyss.kit.web.WebKitConfiguration;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A function's side of a traced event, in one small app on the kit: the server span of a delivered CloudEvent continues
 * the event's trace ({@code ce-traceparent}) or the nearer {@code traceparent} header, the consumer runs in it, the
 * calls it makes carry it on, and the JSON log lines it writes name the trace and span. Without sampling configured a
 * new trace is kept out of Zipkin.
 */
@ExtendWith(OutputCaptureExtension.class)
// Boot's tests turn tracing export off, and with it propagation: on, as in a deployed function. The spans are read
// from an in-memory handler; the Zipkin reporter (built, as under AOT) is pointed nowhere that listens.
@AutoConfigureTracing
@SpringBootTest(classes = EventTracingIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=traced", "logging.structured.format.console=ecs",
                "management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans"})
class EventTracingIT {

    private static final Logger log = LoggerFactory.getLogger(EventTracingIT.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    App app;
    @Autowired
    ApplicationContext context;

    @Test
    void aDeliveredEventsServerSpanContinuesTheEventsTraceAndItsLogLinesNameIt(CapturedOutput output) throws Exception {
        String trace = hex(32);
        String producer = hex(16);
        String id = deliver(Map.of("ce-traceparent", "00-" + trace + "-" + producer + "-01"));

        MutableSpan server = app.serverSpan(id);
        assertEquals(trace, server.traceId(), "the consumer's span is in the event's trace");
        assertEquals(producer, server.parentId(), "a child of the producer's span");
        assertEquals("00-" + trace + "-" + server.id() + "-01", app.headersSeen.get(id).get("traceparent"),
                "what the consumer calls next carries the trace on, from its own span");

        JsonNode line = output.getOut().lines().filter(l -> l.startsWith("{") && l.contains("consumed " + id))
                .map(JSON::readTree).findFirst().orElseThrow(() -> new AssertionError("no JSON log line for " + id + " in:\n" + output.getOut()));
        assertEquals(trace, line.path("traceId").asString(), line.toString());
        assertEquals(server.id(), line.path("spanId").asString(), line.toString());
        assertEquals("INFO", line.path("log").path("level").asString(), line.toString());
    }

    @Test
    void aTraceparentHeaderFromTheEventingLayerIsTheNearerParent() throws Exception {
        String eventTrace = hex(32);
        String deliveryTrace = hex(32);
        String delivery = hex(16);
        String id = deliver(Map.of("ce-traceparent", "00-" + eventTrace + "-" + hex(16) + "-01",
                "traceparent", "00-" + deliveryTrace + "-" + delivery + "-01"));

        MutableSpan server = app.serverSpan(id);
        assertEquals(deliveryTrace, server.traceId());
        assertEquals(delivery, server.parentId());
    }

    @Test
    void withoutSamplingConfiguredANewTraceIsNamedInTheLogsButNotSent(CapturedOutput output) throws Exception {
        String id = deliver(Map.of("ce-traceparent", "not a traceparent"));
        String[] seen = app.contextOfEvent.get(id);
        assertEquals(null, seen[1], "a malformed event trace is not continued: a new trace starts");
        assertEquals("false", seen[2], "and is not sampled: nothing is sent anywhere");
        Thread.sleep(100);
        assertTrue(app.spans.stream().noneMatch(span -> span.traceId().equals(seen[0])));
        assertTrue(output.getOut().lines().anyMatch(l -> l.contains("consumed " + id) && l.contains("\"traceId\":\"" + seen[0] + "\"")),
                "its ids are still in the log line");

        Environment environment = context.getEnvironment();
        assertEquals("0.0", environment.getProperty("management.tracing.sampling.probability"));
        assertEquals("W3C", environment.getProperty("management.tracing.propagation.type"));
    }

    private String deliver(Map<String, String> traceHeaders) throws Exception {
        String id = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/test")
                .header("ce-type", "com.cinemaabyss.test.traced.v1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        traceHeaders.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        return id;
    }

    private static String hex(int length) {
        String random = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return random.substring(0, length);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(WebKitConfiguration.class)
    static class App {

        /** The spans the app finished, as Zipkin would receive them. */
        final List<MutableSpan> spans = new CopyOnWriteArrayList<>();
        /** What TraceHeaders gave the consumer, by event id. */
        final Map<String, Map<String, String>> headersSeen = new ConcurrentHashMap<>();
        final Map<String, String> spanOfEvent = new ConcurrentHashMap<>();
        /** The consumer's trace id, parent span id and sampling decision, by event id. */
        final Map<String, String[]> contextOfEvent = new ConcurrentHashMap<>();

        @Bean
        SpanHandler collected() {
            return new SpanHandler() {
                @Override
                public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                    spans.add(span);
                    return true;
                }
            };
        }

        @Bean
        RouterFunction<ServerResponse> events(Tracer tracer, TraceHeaders trace) {
            return RouterFunctions.route().POST("/events", CloudEventRequests.deliverTo(event -> {
                log.info("consumed {}", event.getId());
                io.micrometer.tracing.TraceContext current = tracer.currentSpan().context();
                spanOfEvent.put(event.getId(), current.spanId());
                contextOfEvent.put(event.getId(), new String[]{current.traceId(), current.parentId(), String.valueOf(current.sampled())});
                headersSeen.put(event.getId(), trace.current());
            })).build();
        }

        /** The server span the event was consumed in (finished just after the answer went out: polled for a moment). */
        MutableSpan serverSpan(String eventId) throws InterruptedException {
            String spanId = spanOfEvent.get(eventId);
            assertTrue(spanId != null, "the consumer ran in a span");
            for (int i = 0; i < 200; i++) {
                for (MutableSpan span : spans) {
                    if (span.id().equals(spanId)) {
                        assertEquals(brave.Span.Kind.SERVER, span.kind());
                        return span;
                    }
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no finished span " + spanId + " in " + spans);
        }
    }
}
