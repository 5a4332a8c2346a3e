package com.cinemaabyss.catalog.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A title as it is now: what {@code GET /api/v1/titles/{id}} answers and, field for field, the data of
 * {@code com.cinemaabyss.catalog.title.upserted.v1} on the title changelog.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Title(long id, String kind, String status, String title,
                    @JsonProperty("original_title") String originalTitle, String description, List<String> genres,
                    List<String> countries, @JsonProperty("original_language") String originalLanguage,
                    @JsonProperty("release_year") Integer releaseYear, @JsonProperty("age_rating") int ageRating,
                    @JsonProperty("runtime_min") Integer runtimeMin, Images images, List<Person> people,
                    List<Season> seasons, Rating rating, Provider provider,
                    @JsonProperty("offered_licences") List<Licence> offeredLicences, long version,
                    @JsonProperty("updated_at") String updatedAt) {

    public static final String MOVIE = "movie";
    public static final String SERIES = "series";
    public static final String PUBLISHED = "published";
    public static final String WITHDRAWN = "withdrawn";

    public boolean withdrawn() {
        return WITHDRAWN.equals(status);
    }

    /** Every episode id of the series, in order. */
    public List<Long> episodeIds() {
        return seasons.stream().flatMap(season -> season.episodes().stream()).map(Episode::id).toList();
    }
}
