package com.cinemaabyss.content.upstream;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;

/** subscriptions' {@code GET /api/v1/entitlements/me} with the caller's token: {@code {active, plan_id, until, max_profiles}}. */
public final class HttpEntitlements implements Entitlements {

    private final Upstream upstream;
    private final URI uri;

    public HttpEntitlements(URI subscriptionsUrl, Duration timeout) {
        this.upstream = new Upstream("subscriptions", timeout);
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
