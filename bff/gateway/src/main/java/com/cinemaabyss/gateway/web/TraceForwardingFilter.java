package com.cinemaabyss.gateway.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The forwarder's client (Reactor Netty, built by hand) is not instrumented, and would pass the client's own
 * {@code traceparent} on as it came: the request goes on with the gateway's server span as the parent instead, so the
 * upstream's span is a child of the gateway's in the one trace the client (or the gateway) started.
 */
public class TraceForwardingFilter implements WebFilter {

    private final Propagator propagator;

    public TraceForwardingFilter(Propagator propagator) {
        this.propagator = propagator;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan).orElse(null);
        if (span == null) {
            return chain.filter(exchange);
        }
        Map<String, String> trace = new LinkedHashMap<>();
        propagator.inject(span.context(), trace, (carrier, name, value) -> {
            if (carrier != null && ("traceparent".equals(name) || "tracestate".equals(name))) {
                carrier.put(name, value);
            }
        });
        return chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove("traceparent");
            headers.remove("tracestate");
            trace.forEach(headers::set);
        })).build());
    }
}
