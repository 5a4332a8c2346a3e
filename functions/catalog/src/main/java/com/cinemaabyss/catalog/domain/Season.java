package com.cinemaabyss.catalog.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A season of a series with its episodes, in episode order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Season(int number, String title, List<Episode> episodes) {
}
