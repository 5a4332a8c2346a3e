package com.cinemaabyss.kit.web.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The W3C headers ({@code traceparent}, {@code tracestate}) of the current span, for calls made with a client Spring
 * does not instrument (the JDK's HttpClient): the called service's span then joins this request's trace. Read them on
 * the request's thread, before handing work to another.
 */
public class TraceHeaders {

    /** No tracer: no headers. */
    public static final TraceHeaders NONE = new TraceHeaders(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceHeaders(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public Map<String, String> current() {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(span.context(), headers, (carrier, name, value) -> {
            if (carrier != null && (EventTraceFilter.TRACEPARENT.equals(name) || EventTraceFilter.TRACESTATE.equals(name))) {
                carrier.put(name, value);
            }
        });
        return headers;
    }
}
