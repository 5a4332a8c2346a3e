package com.cinemaabyss.kit.events;

import com.cinemaabyss.kit.web.InvalidRequestException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import org.springframework.web.servlet.function.ServerRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a CloudEvent from an HTTP request the way Knative Eventing delivers it: binary mode with
 * {@code ce-*} headers, or structured mode with an {@code application/cloudevents+json} body.
 */
public final class CloudEventsHttp {

    private CloudEventsHttp() {
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
            throw new InvalidRequestException("request is not a CloudEvent: " + e.getMessage());
        }
    }
}
