package com.cinemaabyss.bff.web.screens;

import com.cinemaabyss.bff.kit.Fields;
import com.cinemaabyss.bff.kit.Screens;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** The web client's title cards, made from the catalog's titles and search hits. */
public final class Cards {

    private Cards() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Watching(@JsonProperty("title_id") long titleId, @JsonProperty("episode_id") Long episodeId, Integer season,
                           Integer episode, String title, String poster, @JsonProperty("position_s") Integer positionS,
                           @JsonProperty("duration_s") Integer durationS) {

        static Watching of(Screens.Titled titled) {
            JsonNode item = titled.item();
            return new Watching(item.path("title_id").asLong(), Fields.number(item, "episode_id"), Fields.integer(item, "season"),
                    Fields.integer(item, "episode"), Fields.text(titled.title(), "title"), Fields.poster(titled.title()),
                    Fields.integer(item, "position_s"), Fields.integer(item, "duration_s"));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recommended(@JsonProperty("title_id") long titleId, String title, String kind,
                              @JsonProperty("release_year") Integer releaseYear, String poster, String reason) {

        static Recommended of(Screens.Titled titled) {
            JsonNode title = titled.title();
            return new Recommended(titled.item().path("title_id").asLong(), Fields.text(title, "title"), Fields.text(title, "kind"),
                    Fields.integer(title, "release_year"), Fields.poster(title), Fields.text(titled.item(), "reason"));
        }
    }

    /** A search hit or a title: what the new releases and the browse results show. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Title(@JsonProperty("title_id") long titleId, String title, String kind,
                        @JsonProperty("release_year") Integer releaseYear, @JsonProperty("age_rating") Integer ageRating,
                        List<String> genres, JsonNode rating, String poster) {

        static Title of(JsonNode hit) {
            return new Title(hit.path("id").asLong(), Fields.text(hit, "title"), Fields.text(hit, "kind"),
                    Fields.integer(hit, "release_year"), Fields.integer(hit, "age_rating"), Fields.texts(hit, "genres"), null,
                    Fields.poster(hit));
        }

        static Title withRating(JsonNode hit) {
            Title card = of(hit);
            return new Title(card.titleId, card.title, card.kind, card.releaseYear, card.ageRating, card.genres,
                    Fields.node(hit, "rating"), card.poster);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Similar(@JsonProperty("title_id") long titleId, String title, String kind,
                          @JsonProperty("release_year") Integer releaseYear, String poster) {

        static Similar of(JsonNode hit) {
            return new Similar(hit.path("id").asLong(), Fields.text(hit, "title"), Fields.text(hit, "kind"),
                    Fields.integer(hit, "release_year"), Fields.poster(hit));
        }
    }
}
