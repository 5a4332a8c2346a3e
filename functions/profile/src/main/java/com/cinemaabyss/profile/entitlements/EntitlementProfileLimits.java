package com.cinemaabyss.profile.entitlements;

import com.cinemaabyss.kit.core.JsonLimits;
import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.kit.web.tracing.TraceHeaders;
import com.cinemaabyss.profile.domain.ProfileLimit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The limit from subscriptions' {@code GET /api/v1/entitlements/me}, called with the caller's forwarded
 * {@code Authorization} header: {@code max_profiles} while {@code active}, else 1. subscriptions unreachable, slow
 * (beyond {@code timeout}) or answering anything but 200 with that shape: {@link UnavailableException} (503), since
 * granting or refusing a profile on a guess would be wrong either way.
 */
public class EntitlementProfileLimits implements ProfileLimits {

    private static final int MAX_ANSWER_BYTES = 16 * 1024;

    private final JsonMapper json = JsonMapper.builder(JsonLimits.factory()).build();
    private final HttpClient http;
    private final URI entitlement;
    private final Duration timeout;
    private final TraceHeaders trace;

    /** {@code trace}: subscriptions answers in the caller's trace. */
    public EntitlementProfileLimits(URI subscriptionsUrl, Duration timeout, TraceHeaders trace) {
        this.trace = trace;
        this.entitlement = subscriptionsUrl.resolve("/api/v1/entitlements/me");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public int maxProfiles(String authorization) {
        HttpResponse<byte[]> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(entitlement).timeout(timeout).header("Authorization", authorization)
                    .header("Accept", "application/json").GET();
            trace.current().forEach(request::header);
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new UnavailableException("the plan's profile limit cannot be read now (subscriptions unreachable); retry", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while reading the plan's profile limit", e);
        }
        if (response.statusCode() != 200 || response.body().length > MAX_ANSWER_BYTES) {
            throw new UnavailableException("the plan's profile limit cannot be read now (subscriptions answered "
                    + response.statusCode() + "); retry", null);
        }
        try {
            JsonNode entitlement = json.readTree(response.body());
            JsonNode max = entitlement.path("max_profiles");
            return ProfileLimit.of(entitlement.path("active").asBoolean(false), max.canConvertToInt() ? max.asInt() : null);
        } catch (JacksonException e) {
            throw new UnavailableException("subscriptions answered an entitlement that is not JSON", e);
        }
    }
}
