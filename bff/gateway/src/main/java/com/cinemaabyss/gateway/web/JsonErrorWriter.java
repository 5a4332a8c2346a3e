package com.cinemaabyss.gateway.web;

import com.cinemaabyss.kit.core.ErrorBody;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the gateway's own refusals: a status and {@code {"error": "..."}}, on a response not yet begun. */
public class JsonErrorWriter {

    private final JsonMapper json;

    public JsonErrorWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, String message) {
        byte[] body = json.writeValueAsBytes(new ErrorBody(message));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
