package com.cinemaabyss.gateway.web;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.JsonLimits;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * The JSON bodies of the gateway's own routes (the admin routes): read whole, up to the body limit (413 past it),
 * parsed with the bounded mapper, and refused with a 400 that says what is wrong.
 */
public class JsonBodies {

    private final JsonMapper json;
    private final int maxBytes;

    public JsonBodies(JsonMapper json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    public <T> Mono<T> read(ServerRequest request, Class<T> type) {
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), maxBytes)
                .map(buffer -> {
                    try {
                        return parse(buffer.asInputStream().readAllBytes(), type);
                    } catch (IOException e) {
                        throw new InvalidInputException("request body could not be read");
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .switchIfEmpty(Mono.error(() -> new InvalidInputException("request body is required and must be a JSON object")));
    }

    <T> T parse(byte[] body, Class<T> type) {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new InvalidInputException("request body is required and must be a JSON object");
            }
            return value;
        } catch (RuntimeException e) {
            throw refusal(e);
        }
    }

    /** Records validate in their constructors and Jackson wraps what they throw: their message is the answer. */
    private static RuntimeException refusal(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException invalid) {
                return invalid;
            }
        }
        return switch (failure) {
            case StreamConstraintsException e -> new InvalidInputException(JsonLimits.EXCEEDED);
            case StreamReadException e -> new InvalidInputException("malformed JSON: " + firstLine(e.getOriginalMessage()));
            case MismatchedInputException e -> new InvalidInputException("request body must be a JSON object of the expected shape: "
                    + firstLine(e.getOriginalMessage()));
            case JacksonException e -> new InvalidInputException("invalid JSON: " + firstLine(e.getOriginalMessage()));
            default -> failure;
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
