package com.cinemaabyss.kit.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The trace an event belongs to, carried as the CloudEvents distributed-tracing extension ({@code traceparent},
 * {@code tracestate}): an event is stamped with the trace of the request that caused it when it is written (into the
 * outbox row, or published at once), and keeps it however late the relay publishes it, so the consumer's span joins
 * the same trace. Without a tracer (a test, a tool) events pass unchanged.
 */
public final class EventTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** Nothing traced: events pass as they are. */
    public static final EventTracing NONE = new EventTracing(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** {@code event} with the current span's trace context, unless it has one already or no span is current. */
    public CloudEvent stamp(CloudEvent event) {
        if (event.getExtension(TRACEPARENT) != null || tracer == null || tracer.currentSpan() == null) {
            return event;
        }
        Map<String, String> context = headersOf(tracer.currentSpan());
        String traceparent = context.get(TRACEPARENT);
        if (traceparent == null) {
            return event;
        }
        CloudEventBuilder stamped = CloudEventBuilder.v1(event).withExtension(TRACEPARENT, traceparent);
        String tracestate = context.get(TRACESTATE);
        if (tracestate != null && !tracestate.isEmpty()) {
            stamped.withExtension(TRACESTATE, tracestate);
        }
        return stamped.build();
    }

    /**
     * Runs {@code publish} in a producer span, a child of the event's trace (of the current span when the event has
     * none), and hands it the W3C headers of that span for the Kafka record, so that an eventing layer that reads
     * them (KafkaSource, the local bridge) continues the trace from the publish.
     */
    public <T> T inProducerSpan(CloudEvent event, String topic, Function<Map<String, String>, T> publish) {
        if (tracer == null) {
            return publish.apply(Map.of());
        }
        Object parent = event.getExtension(TRACEPARENT);
        Span.Builder builder;
        if (parent != null) {
            Map<String, String> carrier = new LinkedHashMap<>();
            carrier.put(TRACEPARENT, parent.toString());
            Object state = event.getExtension(TRACESTATE);
            if (state != null) {
                carrier.put(TRACESTATE, state.toString());
            }
            builder = propagator.extract(carrier, Map::get);
        } else if (tracer.currentSpan() != null) {
            builder = tracer.spanBuilder().setParent(tracer.currentSpan().context());
        } else {
            return publish.apply(Map.of());
        }
        Span span = builder.name("publish " + topic).kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka").tag("messaging.destination.name", topic)
                .tag("cloudevents.event_id", event.getId()).tag("cloudevents.event_type", event.getType())
                .remoteServiceName("kafka").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return publish.apply(headersOf(span));
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private Map<String, String> headersOf(Span span) {
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(span.context(), headers, (carrier, name, value) -> {
            if (carrier != null && (TRACEPARENT.equals(name) || TRACESTATE.equals(name))) {
                carrier.put(name, value);
            }
        });
        return headers;
    }
}
