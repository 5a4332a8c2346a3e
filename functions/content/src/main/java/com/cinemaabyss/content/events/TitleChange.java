package com.cinemaabyss.content.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The part of com.cinemaabyss.catalog.title.upserted.v1 content keeps (the schema has checked the whole of it first):
 * the title's kind, status, age rating, its episodes' ids, the licences its provider offered, and its version.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TitleChange(long id, String kind, String status, @JsonProperty("age_rating") int ageRating,
                          List<Season> seasons, @JsonProperty("offered_licences") List<OfferedLicence> offeredLicences,
                          long version, @JsonProperty("updated_at") String updatedAt) {

    public TitleChange {
        seasons = seasons == null ? List.of() : List.copyOf(seasons);
        offeredLicences = offeredLicences == null ? List.of() : List.copyOf(offeredLicences);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Season(int number, List<Episode> episodes) {
        public Season {
            episodes = episodes == null ? List.of() : List.copyOf(episodes);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Episode(long id, int number) {
    }

    public record OfferedLicence(String region, String from, String to) {
    }

    public List<Long> episodeIds() {
        return seasons.stream().flatMap(season -> season.episodes().stream()).map(Episode::id).toList();
    }
}
