package com.cinemaabyss.catalog.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An episode as a content manager or a provider sends it. {@code external_id} is the provider's (feed items only): a
 * re-published episode keeps its id by it; manual episodes keep theirs by season and episode number.
 */
public record EpisodeDraft(Integer number, String title, @JsonProperty("runtime_min") Integer runtimeMin, String description,
                           @JsonProperty("external_id") String externalId) {

    public EpisodeDraft {
        number = Fields.range(number, 1, 1000, "seasons[].episodes[].number");
        title = Fields.text(title, 300, "seasons[].episodes[].title");
        runtimeMin = Fields.optionalRange(runtimeMin, 1, 1000, "seasons[].episodes[].runtime_min");
        description = Fields.optionalText(description, 5000, "seasons[].episodes[].description", true);
        externalId = externalId == null ? null : Fields.text(externalId, 128, "seasons[].episodes[].external_id");
    }
}
