package com.cinemaabyss.recommendations.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** One recommended title and why. */
public record Recommended(@JsonProperty("title_id") long titleId, String title, List<String> genres, String reason) {
}
