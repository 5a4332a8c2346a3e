package com.cinemaabyss.bff.mobile.screens;

import com.cinemaabyss.bff.kit.Fields;
import com.cinemaabyss.bff.kit.Screens;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/** A title card on a phone, a tablet or a TV: fewer fields than the web's, the poster sized for the device. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Card(@JsonProperty("title_id") long titleId, String title, String kind, Image poster,
                   @JsonProperty("episode_id") Long episodeId, @JsonProperty("position_s") Integer positionS,
                   @JsonProperty("duration_s") Integer durationS) {

    /** A search hit or a title. */
    static Card of(JsonNode title, Shaping shaping) {
        return new Card(title.path("id").asLong(), Fields.text(title, "title"), Fields.text(title, "kind"),
                shaping.poster(Fields.poster(title)), null, null, null);
    }

    static Card recommended(Screens.Titled titled, Shaping shaping) {
        return of(titled.title(), shaping);
    }

    static Card watching(Screens.Titled titled, Shaping shaping) {
        JsonNode item = titled.item();
        return new Card(item.path("title_id").asLong(), Fields.text(titled.title(), "title"), Fields.text(titled.title(), "kind"),
                shaping.poster(Fields.poster(titled.title())), Fields.number(item, "episode_id"), Fields.integer(item, "position_s"),
                Fields.integer(item, "duration_s"));
    }
}
