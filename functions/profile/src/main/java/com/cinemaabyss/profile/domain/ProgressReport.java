package com.cinemaabyss.profile.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /api/v1/me/progress}: exactly one of {@code title_id} (a movie, or any title watched as a
 * whole) and {@code episode_id} (an episode; its series comes from the catalog's title changelog), the position and the
 * duration in whole seconds: duration 1..86400 (a day), position 0..duration.
 */
public record ProgressReport(@JsonProperty("title_id") Long titleId, @JsonProperty("episode_id") Long episodeId,
                             @JsonProperty("position_s") Integer positionS, @JsonProperty("duration_s") Integer durationS) {

    public static final int MAX_DURATION_S = 86_400;

    public ProgressReport {
        if ((titleId == null) == (episodeId == null)) {
            throw new InvalidInputException("exactly one of the fields 'title_id' and 'episode_id' is required");
        }
        if (titleId != null) {
            Ids.check(titleId, "title_id");
        }
        if (episodeId != null) {
            Ids.check(episodeId, "episode_id");
        }
        if (durationS == null || durationS < 1 || durationS > MAX_DURATION_S) {
            throw new InvalidInputException("field 'duration_s' must be an integer from 1 to " + MAX_DURATION_S + ", got " + durationS);
        }
        if (positionS == null || positionS < 0 || positionS > durationS) {
            throw new InvalidInputException("field 'position_s' must be an integer from 0 to duration_s (" + durationS + "), got " + positionS);
        }
    }

    public boolean finished() {
        return Watching.finished(positionS, durationS);
    }
}
