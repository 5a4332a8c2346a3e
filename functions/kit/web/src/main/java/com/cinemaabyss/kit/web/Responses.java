package com.cinemaabyss.kit.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.Map;

/** The few response shapes our routes use. */
public final class Responses {

    private static final Map<String, Boolean> HEALTHY = Map.of("status", true);

    private Responses() {
    }

    public static ServerResponse ok(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** A function's answer as it marked it (see {@link Created}); 200 when it set no status. */
    public static ServerResponse of(Message<?> answer) {
        Object status = answer.getHeaders().get(Created.STATUS_CODE);
        return ServerResponse.status(status instanceof Integer code ? code : HttpStatus.OK.value())
                .contentType(MediaType.APPLICATION_JSON).body(answer.getPayload());
    }

    public static ServerResponse healthy() {
        return ok(HEALTHY);
    }

    /** Apply to a router so that every failure inside its routes answers as JSON through {@link JsonErrors}. */
    public static HandlerFilterFunction<ServerResponse, ServerResponse> jsonErrors() {
        return (request, next) -> {
            try {
                return next.handle(request);
            } catch (Exception e) {
                return JsonErrors.toServerResponse(e);
            }
        };
    }
}
