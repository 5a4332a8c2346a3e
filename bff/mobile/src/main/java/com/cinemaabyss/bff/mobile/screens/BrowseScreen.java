package com.cinemaabyss.bff.mobile.screens;

import com.cinemaabyss.bff.kit.Fields;
import com.cinemaabyss.bff.kit.Screens;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** {@code GET /api/mobile/browse}: the catalog's search as device cards, with its facets. */
public record BrowseScreen(List<Card> items, long total, JsonNode facets, @JsonProperty("next_cursor") String nextCursor,
                           List<String> degraded) {

    public static BrowseScreen of(Screens.Browse browse, Shaping shaping) {
        JsonNode result = browse.result();
        if (result == null) {
            return new BrowseScreen(List.of(), 0, null, null, browse.degraded());
        }
        return new BrowseScreen(Screens.items(result).stream().map(hit -> Card.of(hit, shaping)).toList(), result.path("total").asLong(),
                Fields.node(result, "facets"), Fields.text(result, "next_cursor"), browse.degraded());
    }
}
