package com.cinemaabyss.catalog.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An episode as the catalog serves it; its id is from the titles' id space. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Episode(long id, int number, String title, @JsonProperty("runtime_min") Integer runtimeMin, String description) {
}
