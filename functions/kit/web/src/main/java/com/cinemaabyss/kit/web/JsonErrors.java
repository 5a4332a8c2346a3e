package com.cinemaabyss.kit.web;

import com.cinemaabyss.kit.core.ErrorBody;
import com.cinemaabyss.kit.core.JsonLimits;
import com.cinemaabyss.kit.core.ConflictException;
import com.cinemaabyss.kit.core.ForbiddenException;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.kit.core.TooManyRequestsException;
import com.cinemaabyss.kit.core.UnauthorizedException;
import com.cinemaabyss.kit.core.UnavailableException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns any failure into a status and a JSON {@code {"error": "..."}} that says what is wrong.
 * Bad input maps to 4xx; only our own faults become 500, and even then without a stack trace.
 */
public final class JsonErrors {

    private static final Logger log = LoggerFactory.getLogger(JsonErrors.class);

    private JsonErrors() {
    }

    public static ResponseEntity<ErrorBody> toResponse(Throwable failure) {
        Throwable t = unwrap(failure);
        return switch (t) {
            case InvalidInputException e -> respond(HttpStatus.BAD_REQUEST, e.getMessage());
            case NotFoundException e -> respond(HttpStatus.NOT_FOUND, e.getMessage());
            case UnauthorizedException e -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(new ErrorBody(e.getMessage()));
            case ForbiddenException e -> respond(HttpStatus.FORBIDDEN, e.getMessage());
            case ConflictException e -> respond(HttpStatus.CONFLICT, e.getMessage());
            case TooManyRequestsException e -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(new ErrorBody(e.getMessage()));
            case PayloadTooLargeException e -> respond(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
            case UnavailableException e -> respond(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
            case StreamConstraintsException e -> respond(HttpStatus.BAD_REQUEST, JsonLimits.EXCEEDED);
            case HttpMessageNotReadableException e -> respond(HttpStatus.BAD_REQUEST, describeUnreadable(e));
            case Requests.WrappedReadFailure e -> respond(HttpStatus.BAD_REQUEST, "request body could not be read");
            case HttpMediaTypeNotSupportedException e ->
                    respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type must be application/json, got " + e.getContentType());
            case HttpRequestMethodNotSupportedException e -> methodNotAllowed(e.getMethod(), e.getSupportedHttpMethods());
            case NoHandlerFoundException e -> respond(HttpStatus.NOT_FOUND, "no route for " + e.getHttpMethod() + " " + e.getRequestURL());
            case NoResourceFoundException e -> respond(HttpStatus.NOT_FOUND, "no route for " + e.getHttpMethod() + " /" + e.getResourcePath());
            case ErrorResponse e when e.getStatusCode().is4xxClientError() ->
                    respond(e.getStatusCode(), e.getBody().getDetail() != null ? e.getBody().getDetail() : t.getMessage());
            default -> {
                log.error("Unhandled failure", t);
                yield respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
            }
        };
    }

    /** The same mapping for functional routes, which answer with a {@link ServerResponse}. */
    public static ServerResponse toServerResponse(Throwable failure) {
        ResponseEntity<ErrorBody> entity = toResponse(failure);
        return ServerResponse.status(entity.getStatusCode()).headers(headers -> headers.addAll(entity.getHeaders()))
                .contentType(MediaType.APPLICATION_JSON).body(entity.getBody());
    }

    /** 405 with the {@code Allow} header listing what the path does answer to. */
    public static ResponseEntity<ErrorBody> methodNotAllowed(String method, Set<HttpMethod> allowed) {
        HttpHeaders headers = new HttpHeaders();
        if (allowed != null) {
            headers.setAllow(allowed);
        }
        String list = allowed == null ? "" : "; allowed: " + headers.getFirst(HttpHeaders.ALLOW);
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers)
                .body(new ErrorBody("method " + method + " is not allowed here" + list));
    }

    private static ResponseEntity<ErrorBody> respond(HttpStatusCode status, String message) {
        return ResponseEntity.status(status).body(new ErrorBody(message));
    }

    /** Request records validate in their constructors; Jackson wraps what they throw, so look beneath it. */
    private static Throwable unwrap(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException || t instanceof PayloadTooLargeException || t instanceof StreamConstraintsException
                    || t instanceof NotFoundException || t instanceof UnavailableException || t instanceof UnauthorizedException
                    || t instanceof ForbiddenException || t instanceof ConflictException || t instanceof TooManyRequestsException) {
                return t;
            }
        }
        return failure;
    }

    static String describeUnreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause == null) {
            return "request body is required and must be a JSON object";
        }
        return switch (cause) {
            case InputCoercionException range when !range.getPath().isEmpty() -> "field '" + path(range.getPath()) + "' is a number out of range";
            case InputCoercionException range -> "a number is out of range";
            case StreamReadException parse -> "malformed JSON: " + firstLine(parse.getOriginalMessage());
            case MismatchedInputException mismatch when mismatch.getPath().isEmpty() ->
                    "request body must be a JSON object" + (mismatch.getTargetType() == null ? "" : " (" + mismatch.getTargetType().getSimpleName() + ")");
            case MismatchedInputException mismatch ->
                    "field '" + path(mismatch.getPath()) + "' has the wrong type" + expected(mismatch.getTargetType());
            case JacksonException other -> "invalid JSON: " + firstLine(other.getOriginalMessage());
            default -> "request body could not be read";
        };
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return ": expected a number";
        }
        if (type == String.class) {
            return ": expected a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return ": expected an array";
        }
        if (type == Boolean.class || type == boolean.class) {
            return ": expected true or false";
        }
        return ": expected " + type.getSimpleName();
    }

    private static String path(List<JacksonException.Reference> path) {
        return path.stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
