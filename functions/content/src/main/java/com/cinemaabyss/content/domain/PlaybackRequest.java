package com.cinemaabyss.content.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/v1/playback}: exactly one of title_id (a movie) and episode_id, and the profile watching, if any. */
public record PlaybackRequest(@JsonProperty("title_id") Long titleId, @JsonProperty("episode_id") Long episodeId,
                              @JsonProperty("profile_id") Long profileId) {

    public PlaybackRequest {
        if ((titleId == null) == (episodeId == null)) {
            throw new InvalidInputException("exactly one of 'title_id' and 'episode_id' is required");
        }
        positive(titleId, "title_id");
        positive(episodeId, "episode_id");
        positive(profileId, "profile_id");
    }

    /** The id asked for, a title's or an episode's (they share one id space). */
    public long target() {
        return titleId != null ? titleId : episodeId;
    }

    public boolean episode() {
        return episodeId != null;
    }

    private static void positive(Long value, String field) {
        if (value != null && value <= 0) {
            throw new InvalidInputException("field '" + field + "' must be a positive integer");
        }
    }
}
