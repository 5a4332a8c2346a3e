package com.cinemaabyss.kit.web.tracing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A CloudEvent delivered in binary mode carries its producer's trace as {@code ce-traceparent}; when no W3C
 * {@code traceparent} header came with it (an eventing layer that does not trace), the server span continues the
 * event's trace instead of starting a new one. Runs before the server observation filter reads the headers. A
 * {@code traceparent} header that did come (the local bridge, a tracing KafkaSource) is the nearer parent and wins.
 */
public class EventTraceFilter extends OncePerRequestFilter {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    /** W3C trace-context version 00: anything else is left for the tracer to ignore, not passed on. */
    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String eventParent = request.getHeader("ce-" + TRACEPARENT);
        if (request.getHeader(TRACEPARENT) != null || eventParent == null || !VALID.matcher(eventParent).matches()) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new EventTraced(request, eventParent, request.getHeader("ce-" + TRACESTATE)), response);
    }

    private static final class EventTraced extends HttpServletRequestWrapper {
        private final String traceparent;
        private final String tracestate;

        EventTraced(HttpServletRequest request, String traceparent, String tracestate) {
            super(request);
            this.traceparent = traceparent;
            this.tracestate = tracestate;
        }

        @Override
        public String getHeader(String name) {
            if (TRACEPARENT.equalsIgnoreCase(name)) {
                return traceparent;
            }
            if (TRACESTATE.equalsIgnoreCase(name) && tracestate != null) {
                return tracestate;
            }
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = getHeader(name);
            if (TRACEPARENT.equalsIgnoreCase(name) || (TRACESTATE.equalsIgnoreCase(name) && tracestate != null)) {
                return Collections.enumeration(java.util.List.of(value));
            }
            return super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.add(TRACEPARENT);
            if (tracestate != null) {
                names.add(TRACESTATE);
            }
            return Collections.enumeration(names);
        }
    }
}
