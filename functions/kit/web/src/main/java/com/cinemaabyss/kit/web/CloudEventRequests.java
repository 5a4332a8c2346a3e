package com.cinemaabyss.kit.web;

import com.cinemaabyss.kit.core.InvalidInputException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        request.headers().asHttpHeaders().forEach(headers::put);
        byte[] body;
        try {
            body = request.servletRequest().getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            MessageReader reader = HttpMessageFactory.createReaderFromMultimap(headers, body);
            return reader.toEvent();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new InvalidInputException("request is not a CloudEvent: " + e.getMessage());
        }
    }
}
