package com.cinemaabyss.gateway.proxy;

import com.cinemaabyss.gateway.domain.Backend;

/** Which backend answered a request, what it answered, and whether it stood in for a failed catalog. */
public record RouteDecision(Backend backend, UpstreamResponse response, boolean fallback) {

    public static RouteDecision answered(Backend backend, UpstreamResponse response) {
        return new RouteDecision(backend, response, false);
    }

    public static RouteDecision fallback(UpstreamResponse fromMonolith) {
        return new RouteDecision(Backend.MONOLITH, fromMonolith, true);
    }
}
