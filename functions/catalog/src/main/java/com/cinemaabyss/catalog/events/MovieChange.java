package com.cinemaabyss.catalog.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Data of {@link EventTypes#MOVIE_UPSERTED}: the whole movie as its writer stored it, so a reader on the
 * other side of the migration can store the same movie under the same id.
 */
public record MovieChange(long id, String title, String description, List<String> genres, Double rating,
                          @JsonProperty("written_by") String writtenBy) {
}
