package com.cinemaabyss.bff.kit;

import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The domain functions' reads the screens are made of, by dependency name (the keys of
 * {@code cinemaabyss.bff.dependencies}). Every call carries the caller's {@link Forwarded} headers.
 */
public final class Sources {

    public static final String IDENTITY = "identity";
    public static final String PROFILE = "profile";
    public static final String SUBSCRIPTIONS = "subscriptions";
    public static final String RECOMMENDATIONS = "recommendations";
    public static final String CATALOG = "catalog";
    public static final String CONTENT = "content";
    public static final String DISCOUNTS = "discounts";
    public static final String PAYMENTS = "payments";
    public static final String NOTIFICATIONS = "notifications";

    private final Upstreams upstreams;

    public Sources(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    public JsonNode me(Forwarded caller, Budget budget) {
        return upstreams.get(IDENTITY, "/api/auth/me", caller, budget);
    }

    public JsonNode profiles(Forwarded caller, Budget budget) {
        return upstreams.get(PROFILE, "/api/v1/me/profiles", caller, budget);
    }

    public JsonNode entitlement(Forwarded caller, Budget budget) {
        return upstreams.get(SUBSCRIPTIONS, "/api/v1/entitlements/me", caller, budget);
    }

    public Optional<JsonNode> subscription(Forwarded caller, Budget budget) {
        return upstreams.find(SUBSCRIPTIONS, "/api/v1/subscriptions/me", caller, budget);
    }

    public JsonNode continueWatching(Forwarded caller, Long profileId, int limit, Budget budget) {
        return upstreams.get(PROFILE, "/api/v1/me/continue-watching?limit=" + limit + profile(profileId), caller, budget);
    }

    public JsonNode recommendations(Forwarded caller, Long profileId, int limit, Budget budget) {
        return upstreams.get(RECOMMENDATIONS, "/api/v1/me/recommendations?limit=" + limit + profile(profileId), caller, budget);
    }

    /**
     * The catalog's search; {@code query} is already encoded (see {@link #query}). The caller chose the parameters, so
     * the catalog's 400 is the caller's.
     */
    public JsonNode search(Forwarded caller, String query, Budget budget) {
        try {
            return upstreams.get(CATALOG, "/api/v1/titles" + (query.isEmpty() ? "" : "?" + query), caller, budget);
        } catch (Upstreams.BadRequest refused) {
            throw refused.callersFault();
        }
    }

    public JsonNode title(Forwarded caller, long id, Budget budget) {
        return upstreams.get(CATALOG, "/api/v1/titles/" + id, caller, budget);
    }

    public Optional<JsonNode> findTitle(Forwarded caller, long id, Budget budget) {
        return upstreams.find(CATALOG, "/api/v1/titles/" + id, caller, budget);
    }

    public JsonNode availability(Forwarded caller, long titleId, Long profileId, Long episodeId, Budget budget) {
        String query = (profileId == null ? "" : "&profile_id=" + profileId) + (episodeId == null ? "" : "&episode_id=" + episodeId);
        return upstreams.get(CONTENT, "/api/v1/playback/availability/" + titleId + (query.isEmpty() ? "" : "?" + query.substring(1)),
                caller, budget);
    }

    public JsonNode plans(Forwarded caller, Budget budget) {
        return upstreams.get(DISCOUNTS, "/api/v1/plans", caller, budget);
    }

    public JsonNode viewerTitle(Forwarded caller, long titleId, Long profileId, Budget budget) {
        return upstreams.get(PROFILE, "/api/v1/me/titles/" + titleId + (profileId == null ? "" : "?profile_id=" + profileId), caller, budget);
    }

    public JsonNode payments(Forwarded caller, int limit, Budget budget) {
        return upstreams.get(PAYMENTS, "/api/v1/me/payments?limit=" + limit, caller, budget);
    }

    public Optional<JsonNode> loyalty(Forwarded caller, Budget budget) {
        return upstreams.find(DISCOUNTS, "/api/v1/loyalty/me", caller, budget);
    }

    public Optional<JsonNode> notificationPreferences(Forwarded caller, Budget budget) {
        return upstreams.find(NOTIFICATIONS, "/api/v1/me/notification-preferences", caller, budget);
    }

    private static String profile(Long profileId) {
        return profileId == null ? "" : "&profile_id=" + profileId;
    }

    /** {@code name=value} pairs, URL-encoded, for the parameters that are set. */
    public static String query(String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                query.append(query.isEmpty() ? "" : "&").append(pairs[i]).append('=')
                        .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }
}
