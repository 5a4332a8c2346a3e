package com.cinemaabyss.profile.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a profile is in a title or an episode, as the history and continue watching show it. {@code title_id} is the
 * movie or the series; {@code episode_id}, {@code season} and {@code episode} only for an episode; {@code next}: true
 * when continue watching offers the episode after a finished one (position 0).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Watched(@JsonProperty("title_id") long titleId, @JsonProperty("episode_id") Long episodeId, Integer season,
                      Integer episode, @JsonProperty("position_s") int positionS, @JsonProperty("duration_s") Integer durationS,
                      boolean finished, Boolean next, @JsonProperty("at") String at) {
}
