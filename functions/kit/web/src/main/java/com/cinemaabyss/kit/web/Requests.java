package com.cinemaabyss.kit.web;

import com.cinemaabyss.kit.core.InvalidInputException;

import org.springframework.web.servlet.function.ServerRequest;

import java.util.Optional;

/** Reading route inputs with errors that name the parameter. */
public final class Requests {

    private Requests() {
    }

    /** The JSON body as {@code type}; malformed or missing bodies become a 400 through {@link JsonErrors}. */
    public static <T> T body(ServerRequest request, Class<T> type) {
        try {
            T body = request.body(type);
            if (body == null) {
                throw new InvalidInputException("request body is required and must be a JSON object");
            }
            return body;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WrappedReadFailure(e);
        }
    }

    public static Optional<Long> positiveLongParam(ServerRequest request, String name) {
        Optional<String> raw = request.param(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(raw.get().strip());
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return Optional.of(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("query parameter '" + name + "' must be a positive integer, got '" + raw.get() + "'");
        }
    }

    public static Optional<Integer> intParam(ServerRequest request, String name, int min, int max) {
        Optional<String> raw = request.param(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(raw.get().strip());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return Optional.of(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("query parameter '" + name + "' must be an integer from " + min + " to " + max + ", got '" + raw.get() + "'");
        }
    }

    /** Carries a checked read failure to {@link JsonErrors}, which looks at its cause. */
    public static final class WrappedReadFailure extends RuntimeException {
        WrappedReadFailure(Exception cause) {
            super(cause);
        }
    }
}
