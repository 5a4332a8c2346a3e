package com.cinemaabyss.catalog.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A title as a content manager sends it ({@code POST /api/v1/titles}, {@code PUT /api/v1/titles/{id}}): the whole title,
 * series with their whole seasons. Checked here, every failure naming its field: a movie has a runtime and no seasons,
 * a series at least one season, season numbers and episode numbers within a season are unique.
 */
public record TitleDraft(String kind, String title, @JsonProperty("original_title") String originalTitle, String description,
                         List<String> genres, List<String> countries, @JsonProperty("original_language") String originalLanguage,
                         @JsonProperty("release_year") Integer releaseYear, @JsonProperty("age_rating") Integer ageRating,
                         @JsonProperty("runtime_min") Integer runtimeMin, Images images, List<Person> people,
                         List<SeasonDraft> seasons, @JsonProperty("offered_licences") List<Licence> offeredLicences) {

    public static final int MAX_EPISODES = 1_000;

    public TitleDraft {
        if (!Title.MOVIE.equals(kind) && !Title.SERIES.equals(kind)) {
            throw new InvalidInputException("field 'kind' must be movie or series");
        }
        title = Fields.text(title, 300, "title");
        originalTitle = Fields.optionalText(originalTitle, 300, "original_title", false);
        description = description == null ? "" : Fields.optionalText(description, 5000, "description", true);
        description = description == null ? "" : description;
        genres = Fields.labels(genres, 10, 40, "genres");
        countries = Fields.regions(countries, 20, "countries");
        originalLanguage = Fields.language(originalLanguage, "original_language");
        releaseYear = Fields.range(releaseYear, 1870, 2100, "release_year");
        ageRating = Fields.ageRating(ageRating, "age_rating");
        runtimeMin = Fields.optionalRange(runtimeMin, 1, 1000, "runtime_min");
        people = List.copyOf(Fields.list(people, 200, "people"));
        seasons = List.copyOf(Fields.list(seasons, 100, "seasons"));
        offeredLicences = List.copyOf(Fields.list(offeredLicences, 250, "offered_licences"));
        if (Title.MOVIE.equals(kind)) {
            if (!seasons.isEmpty()) {
                throw new InvalidInputException("field 'seasons' must be empty for a movie");
            }
            if (runtimeMin == null) {
                throw new InvalidInputException("field 'runtime_min' is required for a movie");
            }
        } else if (seasons.isEmpty()) {
            throw new InvalidInputException("field 'seasons' must have at least one season for a series");
        }
        Set<Integer> numbers = new HashSet<>();
        int episodes = 0;
        for (SeasonDraft season : seasons) {
            if (!numbers.add(season.number())) {
                throw new InvalidInputException("field 'seasons[].number' repeats season " + season.number());
            }
            episodes += season.episodes().size();
        }
        if (episodes > MAX_EPISODES) {
            throw new InvalidInputException("field 'seasons' must have at most " + MAX_EPISODES + " episodes in all, got " + episodes);
        }
    }

    /** The same title with other seasons (a season replaced by {@code PUT /api/v1/titles/{id}/seasons/{n}}). */
    public TitleDraft withSeasons(List<SeasonDraft> replaced) {
        return new TitleDraft(kind, title, originalTitle, description, genres, countries, originalLanguage, releaseYear,
                ageRating, runtimeMin, images, people, replaced, offeredLicences);
    }
}
