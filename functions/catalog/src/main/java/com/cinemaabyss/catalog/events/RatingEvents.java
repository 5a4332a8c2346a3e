package com.cinemaabyss.catalog.events;

import com.cinemaabyss.catalog.domain.RatingChange;
import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.core.JsonLimits;
import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The events that move the aggregate, as {@link RatingChange}s: a profile's {@code rating.set.v1} / {@code rating.removed.v1}
 * on profile-events, and the monolith-era {@code movie.recorded.v1} with {@code action: rated} on movie-events (its
 * {@code movie_id} is the catalog title id: the catalog keeps the legacy movies under their ids). Every other event, or
 * movie action, is no rating change. Each is held to its contract first (a breach is a 400 to the eventing layer).
 */
public final class RatingEvents {

    private static final JsonMapper JSON = JsonMapper.builder(JsonLimits.factory()).build();

    private RatingEvents() {
    }

    public static Optional<RatingChange> read(CloudEvent event) {
        String type = event.getType();
        if (!EventTypes.PROFILE_RATING_SET.equals(type) && !EventTypes.PROFILE_RATING_REMOVED.equals(type)
                && !EventTypes.MOVIE_EVENT.equals(type)) {
            return Optional.empty();
        }
        ContractEvents.requireValid(event);
        JsonNode data = JSON.readTree(event.getData().toBytes());
        if (EventTypes.PROFILE_RATING_SET.equals(type)) {
            return Optional.of(new RatingChange(data.path("title_id").asLong(), "profile:" + data.path("profile_id").asLong(),
                    OptionalLong.of(data.path("rating").asLong() * 1000), Instant.parse(data.path("rated_at").asString())));
        }
        if (EventTypes.PROFILE_RATING_REMOVED.equals(type)) {
            return Optional.of(new RatingChange(data.path("title_id").asLong(), "profile:" + data.path("profile_id").asLong(),
                    OptionalLong.empty(), Instant.parse(data.path("removed_at").asString())));
        }
        if (!"rated".equals(data.path("action").asString())) {
            return Optional.empty();
        }
        String voter = data.has("user_id") ? "legacy-user:" + data.path("user_id").asLong() : "legacy-event:"
                + UUID.nameUUIDFromBytes((event.getSource() + "#" + event.getId()).getBytes(StandardCharsets.UTF_8));
        OffsetDateTime time = event.getTime();
        // A legacy event without a time still counts once (its voter is then usually the event itself).
        Instant at = time == null ? Instant.EPOCH.plusMillis(1) : time.toInstant();
        return Optional.of(new RatingChange(data.path("movie_id").asLong(), voter,
                OptionalLong.of(Math.round(data.path("rating").asDouble() * 1000)), at));
    }
}
