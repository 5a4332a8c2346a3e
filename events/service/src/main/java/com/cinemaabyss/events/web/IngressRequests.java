package com.cinemaabyss.events.web;

import com.cinemaabyss.events.domain.IngressBatch;
import com.cinemaabyss.kit.core.InvalidInputException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the CloudEvents of an ingress request in the three HTTP content modes: binary ({@code ce-*} headers and
 * the data as body), structured ({@code application/cloudevents+json}) and batch
 * ({@code application/cloudevents-batch+json}, a JSON array of structured events). The body is already bounded
 * by the body-size filter.
 */
final class IngressRequests {

    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";

    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int MAX_MESSAGE = 200;

    private IngressRequests() {
    }

    static IngressBatch read(ServerRequest request) {
        byte[] body = body(request);
        String contentType = request.headers().firstHeader(HttpHeaders.CONTENT_TYPE);
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (BATCH.equals(mediaType)) {
            return new IngressBatch(batch(body), true);
        }
        if (STRUCTURED.equals(mediaType)) {
            return IngressBatch.single(structured(body, ""));
        }
        return IngressBatch.single(binary(request, body));
    }

    private static List<CloudEvent> batch(byte[] body) {
        JsonNode array;
        try {
            array = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInputException("a batch must be a JSON array of CloudEvents: " + firstLine(e.getOriginalMessage()));
        }
        if (array == null || !array.isArray()) {
            throw new InvalidInputException("a batch must be a JSON array of CloudEvents");
        }
        if (array.size() > IngressBatch.MAX_EVENTS) {
            throw new InvalidInputException("a batch may hold at most " + IngressBatch.MAX_EVENTS + " CloudEvents, got " + array.size());
        }
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (!element.isObject()) {
                throw new InvalidInputException("event [" + i + "]: must be a JSON object");
            }
            events.add(structured(MAPPER.writeValueAsBytes(element), "event [" + i + "]: "));
        }
        return events;
    }

    private static CloudEvent structured(byte[] json, String label) {
        CloudEvent event;
        try {
            event = FORMAT.deserialize(json);
        } catch (RuntimeException e) {
            // The SDK fails on some malformed input with whatever it meets (a NullPointerException for "null").
            throw notACloudEvent(label, e);
        }
        if (event == null) {
            throw new InvalidInputException(label + "not a CloudEvent: the body is JSON null");
        }
        return event;
    }

    private static CloudEvent binary(ServerRequest request, byte[] body) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().asHttpHeaders().forEach(headers::put);
        if (!headers.containsKey("ce-specversion")) {
            throw new InvalidInputException("request is not a CloudEvent: attribute 'specversion' is missing; send ce-* headers"
                    + " (binary mode), or Content-Type " + STRUCTURED + " or " + BATCH);
        }
        try {
            return HttpMessageFactory.createReaderFromMultimap(headers, body).toEvent();
        } catch (RuntimeException e) {
            throw notACloudEvent("", e);
        }
    }

    /** The SDK's reason, which names the attribute, without the parser's location lines. */
    private static InvalidInputException notACloudEvent(String label, RuntimeException e) {
        Throwable reason = e.getCause() != null && e instanceof EventDeserializationException ? e.getCause() : e;
        return new InvalidInputException(label + "not a CloudEvent: " + firstLine(reason.getMessage()));
    }

    private static byte[] body(ServerRequest request) {
        try {
            return request.servletRequest().getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String line = (end < 0 ? message : message.substring(0, end)).strip();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
    }
}
