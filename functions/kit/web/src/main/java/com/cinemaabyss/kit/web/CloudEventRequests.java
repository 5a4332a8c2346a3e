package com.cinemaabyss.kit.web;

import com.cinemaabyss.kit.core.InvalidInputException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads a CloudEvent from an HTTP request the way Knative Eventing delivers it: binary mode with
 * {@code ce-*} headers, or structured mode with an {@code application/cloudevents+json} body.
 */
public final class CloudEventRequests {

    private CloudEventRequests() {
    }

    /** A route that hands each delivered CloudEvent to {@code consumer} and answers 202 once it returned. */
    public static HandlerFunction<ServerResponse> deliverTo(Consumer<CloudEvent> consumer) {
        return request -> {
            consumer.accept(read(request));
            return ServerResponse.accepted().build();
        };
    }

    public static CloudEvent read(ServerRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().asHttpHeaders().forEach((name, values) ->
                headers.put(name, isAttribute(name) ? values.stream().map(CloudEventRequests::decodeAttribute).toList() : values));
        byte[] body;
        try {
            body = request.servletRequest().getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            MessageReader reader = HttpMessageFactory.createReaderFromMultimap(headers, body);
            return reader.toEvent();
        } catch (RuntimeException e) {
            // Only parsing happens here, and the SDK fails on some malformed input with whatever exception it meets
            // (a NullPointerException for a structured body of "null"): all of it is the request's fault. Not
            // retryable: the eventing layer dead-letters a 400 instead of delivering it again.
            String reason = String.valueOf(e.getMessage());
            throw new InvalidInputException("request is not a CloudEvent: " + (reason.length() > 200 ? reason.substring(0, 200) + "..." : reason));
        }
    }

    private static boolean isAttribute(String header) {
        return header.regionMatches(true, 0, "ce-", 0, 3);
    }

    /**
     * An attribute value as the CloudEvents HTTP binding sends it: characters outside printable ASCII, space, '"' and
     * '%' percent-encoded as UTF-8 (section 3.1.3.2). The SDK's reader leaves them encoded, so they are decoded here.
     */
    static String decodeAttribute(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        try {
            // URLDecoder also reads '+' as a space, which the binding does not: keep a literal '+' as it is.
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException("CloudEvent attribute header is not validly percent-encoded");
        }
    }
}
