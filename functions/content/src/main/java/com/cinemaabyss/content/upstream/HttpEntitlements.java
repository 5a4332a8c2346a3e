package com.cinemaabyss.content.upstream;

import com.cinemaabyss.kit.web.tracing.TraceHeaders;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;

/** subscriptions' {@code GET /api/v1/entitlements/me} with the caller's token: {@code {active, plan_id, until, max_profiles}}. */
public final class HttpEntitlements implements Entitlements {

    private final Upstream upstream;
    private final URI uri;

    /** {@code trace}: subscriptions answers in the caller's trace. */
    public HttpEntitlements(URI subscriptionsUrl, Duration timeout, TraceHeaders trace) {
        this.upstream = new Upstream("subscriptions", timeout, trace);
        this.uri = subscriptionsUrl.resolve("/api/v1/entitlements/me");
    }

    @Override
    public boolean active(String authorization) {
        // subscriptions answers every signed-in user (inactive when there is no subscription): a 404 means a broken route.
        JsonNode entitlement = upstream.get(uri, authorization).orElseThrow(() -> upstream.unavailable("has no entitlements route"));
        JsonNode active = entitlement.get("active");
        if (active == null || !active.isBoolean()) {
            throw upstream.unavailable("answered an entitlement without 'active'");
        }
        return active.asBoolean();
    }
}
