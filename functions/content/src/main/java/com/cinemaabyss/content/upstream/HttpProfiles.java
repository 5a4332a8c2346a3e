package com.cinemaabyss.content.upstream;

import com.cinemaabyss.kit.web.tracing.TraceHeaders;
import com.cinemaabyss.content.domain.Profile;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The profile service's {@code GET /api/v1/me/profiles/{id}} with the caller's token: {@code {id, ..., max_age_rating, ...}}. */
public final class HttpProfiles implements Profiles {

    private static final Set<Integer> RATINGS = Set.of(0, 6, 12, 16, 18);

    private final Upstream upstream;
    private final URI base;

    /** {@code trace}: profile answers in the caller's trace. */
    public HttpProfiles(URI profileUrl, Duration timeout, TraceHeaders trace) {
        this.upstream = new Upstream("profile", timeout, trace);
        this.base = profileUrl;
    }

    @Override
    public Optional<Profile> profile(String authorization, long profileId) {
        return upstream.get(base.resolve("/api/v1/me/profiles/" + profileId), authorization).map(node -> {
            JsonNode limit = node.get("max_age_rating");
            if (limit == null || !limit.isIntegralNumber() || !RATINGS.contains(limit.asInt())) {
                throw upstream.unavailable("answered a profile without a known 'max_age_rating'");
            }
            return new Profile(profileId, limit.asInt());
        });
    }
}
