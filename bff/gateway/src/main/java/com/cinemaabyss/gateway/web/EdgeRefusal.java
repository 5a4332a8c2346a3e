package com.cinemaabyss.gateway.web;

import java.util.Map;

/**
 * A request the gateway answers itself before forwarding: no valid token (401), a missing role (403), a path it
 * cannot judge (400), too many requests (429), or the signing keys out of reach (503). The message and header
 * values are the gateway's own fixed text, safe to send as they are.
 */
public class EdgeRefusal extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    public EdgeRefusal(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
