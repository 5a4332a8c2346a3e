package com.cinemaabyss.catalog.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The data of {@code com.cinemaabyss.content.title.published.v1}: an item a provider offers. Its schema checks only
 * shape; this checks meaning (through {@link TitleDraft}: kind vs seasons, known age rating, region codes, unique episode
 * numbers; and here: windows from before to, one window per region at a time), so a wrong item answers 400 with the reason.
 */
public record ProviderItem(String provider, @JsonProperty("external_id") String externalId, String kind, String title,
                           @JsonProperty("original_title") String originalTitle, String description, List<String> genres,
                           List<String> countries, @JsonProperty("original_language") String originalLanguage,
                           @JsonProperty("release_year") Integer releaseYear, @JsonProperty("age_rating") Integer ageRating,
                           @JsonProperty("runtime_min") Integer runtimeMin, Images images, List<Person> people,
                           List<SeasonDraft> seasons, List<Licence> licences) {

    public ProviderItem {
        provider = Fields.providerName(provider, "provider");
        externalId = Fields.text(externalId, 128, "external_id");
        licences = List.copyOf(Fields.list(licences, 250, "licences"));
        for (SeasonDraft season : seasons == null ? List.<SeasonDraft>of() : seasons) {
            for (EpisodeDraft episode : season.episodes()) {
                if (episode.externalId() == null) {
                    throw new InvalidInputException("field 'seasons[].episodes[].external_id' is required in a provider's item");
                }
            }
        }
        Set<String> episodeIds = new HashSet<>();
        for (SeasonDraft season : seasons == null ? List.<SeasonDraft>of() : seasons) {
            for (EpisodeDraft episode : season.episodes()) {
                if (!episodeIds.add(episode.externalId())) {
                    throw new InvalidInputException("field 'seasons[].episodes[].external_id' repeats '" + episode.externalId() + "'");
                }
            }
        }
        for (int i = 0; i < licences.size(); i++) {
            for (int j = i + 1; j < licences.size(); j++) {
                Licence a = licences.get(i);
                Licence b = licences.get(j);
                if (a.region().equals(b.region()) && Instant.parse(a.from()).isBefore(Instant.parse(b.to()))
                        && Instant.parse(b.from()).isBefore(Instant.parse(a.to()))) {
                    throw new InvalidInputException("field 'licences' has overlapping windows for region " + a.region());
                }
            }
        }
    }

    public Provider source() {
        return new Provider(provider, externalId);
    }

    /** The item as a title draft: the licences become the title's offered licences. */
    public TitleDraft draft() {
        return new TitleDraft(kind, title, originalTitle, description, genres, countries, originalLanguage, releaseYear, ageRating,
                runtimeMin, images, people, seasons, licences);
    }
}
