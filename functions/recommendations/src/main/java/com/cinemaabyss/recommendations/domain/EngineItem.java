package com.cinemaabyss.recommendations.domain;

import java.util.List;

/** One item of the engine's answer: a title id, its score and the profile's own titles that led there. */
public record EngineItem(long item, double score, List<Long> because) {
}
