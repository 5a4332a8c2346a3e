package com.cinemaabyss.content.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /api/v1/playback/availability/{title_id}}: whether the viewer could start playback now, and if not, why,
 * as a reason a screen can show (the refusal's status as a word): subscription_required (402), not_found (404),
 * not_licensed (451), age_restricted (403).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Availability(@JsonProperty("title_id") long titleId, @JsonProperty("episode_id") Long episodeId, String region,
                           boolean playable, @JsonInclude(JsonInclude.Include.ALWAYS) String reason) {

    public static Availability playable(long titleId, PlaybackRequest request, String region) {
        return new Availability(titleId, request.episodeId(), region, true, null);
    }

    public static Availability refused(long titleId, PlaybackRequest request, String region, PlaybackRefused refused) {
        return new Availability(titleId, request.episodeId(), region, false, reason(refused.status()));
    }

    static String reason(int status) {
        return switch (status) {
            case 402 -> "subscription_required";
            case 451 -> "not_licensed";
            case 403 -> "age_restricted";
            case 404 -> "not_found";
            default -> throw new IllegalArgumentException("no reason for a refusal with status " + status);
        };
    }
}
