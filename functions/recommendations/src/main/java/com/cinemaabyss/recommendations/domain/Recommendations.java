package com.cinemaabyss.recommendations.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The answer: {@code source} is {@code engine} when the engine's results lead the list (topped up from the fallback
 * when they are fewer than asked), {@code fallback} when the engine was slow, down, open-circuited or had nothing.
 */
public record Recommendations(@JsonProperty("profile_id") Long profileId, String source, List<Recommended> items) {

    public static final String ENGINE = "engine";
    public static final String FALLBACK = "fallback";
}
