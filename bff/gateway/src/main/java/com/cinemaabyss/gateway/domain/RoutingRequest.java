package com.cinemaabyss.gateway.domain;

/** What the split looks at: the caller's user id ({@code X-User-Id}), or null for an anonymous request. */
public record RoutingRequest(String userId) {
}
