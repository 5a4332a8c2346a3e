package com.cinemaabyss.kit.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's error report for what it refuses before any application code runs (malformed URI, {@code ..} out of
 * the root, oversized headers, a bad request line): the same {@code {"error": ...}} as every route, with Tomcat's
 * status and a fixed short message, instead of an HTML page with a stack trace and the server version.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"error\":\"" + message(status) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was already committed: nothing more to say.
        }
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "malformed request: the request line, URI or headers could not be read";
            case 404 -> "no route for this path";
            case 413 -> "request is too large";
            case 414 -> "request URI is too long";
            case 431 -> "request headers are too large";
            case 505 -> "HTTP version not supported";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "request refused" : known.getReasonPhrase().toLowerCase();
            }
        };
    }
}
