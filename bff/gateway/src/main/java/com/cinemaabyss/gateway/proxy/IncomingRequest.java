package com.cinemaabyss.gateway.proxy;

import org.springframework.web.servlet.function.ServerRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A client's request as the gateway forwards it; the body is read once (the kit bounds its size). */
public record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                              byte[] body, String remoteAddress, String scheme, String host) {

    public static IncomingRequest of(ServerRequest request) {
        var servlet = request.servletRequest();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().asHttpHeaders().forEach(headers::put);
        byte[] body;
        try {
            body = servlet.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IncomingRequest(servlet.getMethod(), servlet.getRequestURI(), servlet.getQueryString(), headers, body,
                servlet.getRemoteAddr(), servlet.getScheme(), servlet.getHeader("Host"));
    }

    public boolean isRead() {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst().orElse(null);
    }
}
