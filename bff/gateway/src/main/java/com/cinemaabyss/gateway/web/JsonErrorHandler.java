package com.cinemaabyss.gateway.web;

import com.cinemaabyss.gateway.proxy.BackendUnavailableException;
import com.cinemaabyss.gateway.proxy.BodyTooLargeException;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.kit.core.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every failure that reaches the server, as a status and a JSON {@code {"error": "..."}} saying what is wrong:
 * bad input 400, too large 413, no route 404, a known path with another method 405 with {@code Allow}, a backend
 * that could not answer 503/504 with {@code X-Backend}. Anything else is our fault: 500, logged, no stack trace out.
 * A filter before forwarding (authentication, rate limits) can refuse with a {@link ErrorResponse} such as
 * {@code ResponseStatusException}: its status, headers and reason are answered here.
 */
public class JsonErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorHandler.class);

    private final JsonErrorWriter writer;

    public JsonErrorHandler(JsonErrorWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        response.getHeaders().clear();
        return switch (failure) {
            case EdgeRefusal e -> {
                e.headers().forEach(response.getHeaders()::set);
                yield writer.write(response, HttpStatusCode.valueOf(e.status()), e.getMessage());
            }
            case InvalidInputException e -> writer.write(response, HttpStatus.BAD_REQUEST, e.getMessage());
            case BodyTooLargeException e -> writer.write(response, HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
            case DataBufferLimitException e -> writer.write(response, HttpStatus.CONTENT_TOO_LARGE, "request body is too large");
            case NotFoundException e -> writer.write(response, HttpStatus.NOT_FOUND, e.getMessage());
            case BackendUnavailableException e -> {
                response.getHeaders().set("X-Backend", e.backend().label());
                yield writer.write(response, HttpStatusCode.valueOf(e.status()), e.getMessage());
            }
            case UnavailableException e -> writer.write(response, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
            case ErrorResponse e when e.getStatusCode().is4xxClientError() -> {
                response.getHeaders().addAll(e.getHeaders());
                yield writer.write(response, e.getStatusCode(), describe(exchange.getRequest(), e));
            }
            default -> {
                log.error("Unhandled failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
                yield writer.write(response, HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
            }
        };
    }

    private static String describe(ServerHttpRequest request, ErrorResponse e) {
        if (e.getStatusCode().value() == 404) {
            return "no route for " + request.getMethod() + " " + request.getPath();
        }
        if (e.getStatusCode().value() == 405) {
            String allowed = e.getHeaders().getFirst(HttpHeaders.ALLOW);
            return "method " + request.getMethod() + " is not allowed here" + (allowed == null ? "" : "; allowed: " + allowed);
        }
        String detail = e.getBody().getDetail();
        return detail != null ? detail : HttpStatus.valueOf(e.getStatusCode().value()).getReasonPhrase();
    }
}
