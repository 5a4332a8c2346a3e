package com.cinemaabyss.profile.events;

import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.JsonLimits;
import com.cinemaabyss.profile.domain.Episode;
import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What profile reads of a {@code com.cinemaabyss.catalog.title.upserted.v1} (the catalog's title changelog): the
 * title's id, kind and version and, for a series, its episodes placed by season and number. Everything else in the
 * title (names, people, licences) is the catalog's and content's business.
 */
public record TitleChange(long id, String kind, long version, List<Episode> episodes) {

    private static final JsonMapper JSON = JsonMapper.builder(JsonLimits.factory()).build();

    /** The change an event carries, held to its contract (a breach is a 400); empty for another type on the topic. */
    public static Optional<TitleChange> read(CloudEvent event) {
        if (!EventTypes.TITLE_UPSERTED.equals(event.getType())) {
            return Optional.empty();
        }
        ContractEvents.requireValid(event);
        JsonNode data = JSON.readTree(event.getData().toBytes());
        long id = data.path("id").asLong();
        List<Episode> episodes = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (JsonNode season : data.path("seasons")) {
            int number = season.path("number").asInt();
            for (JsonNode episode : season.path("episodes")) {
                long episodeId = episode.path("id").asLong();
                if (episodeId == id || !seen.add(episodeId)) {
                    throw new InvalidInputException("title " + id + " lists episode " + episodeId + " twice or under its own id");
                }
                episodes.add(new Episode(episodeId, id, number, episode.path("number").asInt()));
            }
        }
        return Optional.of(new TitleChange(id, data.path("kind").asString(), data.path("version").asLong(), List.copyOf(episodes)));
    }
}
