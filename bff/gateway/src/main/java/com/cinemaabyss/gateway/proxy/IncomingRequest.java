package com.cinemaabyss.gateway.proxy;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.net.InetSocketAddress;
import java.net.URI;
import org.springframework.util.LinkedCaseInsensitiveMap;

import java.util.Locale;
import java.util.List;
import java.util.Map;

/**
 * A client's request as the gateway forwards it, without its body, which streams separately. Header names keep the
 * client's order and are looked up case-insensitively.
 */
public record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                              String remoteAddress, String scheme, String host) {

    public IncomingRequest {
        if (!(headers instanceof LinkedCaseInsensitiveMap)) {
            Map<String, List<String>> byName = new LinkedCaseInsensitiveMap<>(headers.size(), Locale.ROOT);
            byName.putAll(headers);
            headers = byName;
        }
    }

    public static IncomingRequest of(ServerHttpRequest request) {
        Map<String, List<String>> headers = new LinkedCaseInsensitiveMap<>(16, Locale.ROOT);
        request.getHeaders().forEach(headers::put);
        URI uri = request.getURI();
        return new IncomingRequest(request.getMethod().name(), uri.getRawPath(), uri.getRawQuery(), headers, peerAddress(request),
                uri.getScheme(), request.getHeaders().getFirst(HttpHeaders.HOST));
    }

    /** The address of the gateway's direct peer: the client itself, or the nearest proxy in front of the gateway. */
    public static String peerAddress(ServerHttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        return peer == null ? "" : peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
    }

    public boolean isRead() {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** The body length the client declared; -1 when it declared none (no body, or a chunked one). */
    public long contentLength() {
        String declared = header(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public boolean hasBody() {
        return contentLength() > 0 || header(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
