package com.cinemaabyss.recommendations.events;

import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.core.JsonLimits;
import com.cinemaabyss.recommendations.domain.Signal;
import com.cinemaabyss.recommendations.domain.Title;
import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What recommendations reads of the events it receives, each held to its contract first (a breach is a 400, which the
 * eventing layer dead-letters): profile-events' ratings, favourites and progress, playback-events' starts, and the
 * catalog's title changelog (name, genres, status, version). Any other type on those topics is no signal.
 */
public final class EventReader {

    private static final JsonMapper JSON = JsonMapper.builder(JsonLimits.factory()).build();

    /** A title as the changelog has it now, with the version that orders its changes. */
    public record TitleChange(Title title, long version) {
    }

    public sealed interface Read permits SignalRead, TitleRead, Ignored {
    }

    public record SignalRead(Signal signal) implements Read {
    }

    public record TitleRead(TitleChange change) implements Read {
    }

    public record Ignored() implements Read {
    }

    private EventReader() {
    }

    public static Read read(CloudEvent event) {
        String type = event.getType();
        Optional<Read> read = switch (type) {
            case EventTypes.TITLE_UPSERTED -> Optional.of(new TitleRead(title(data(event))));
            case EventTypes.PLAYBACK_STARTED -> {
                JsonNode d = data(event);
                yield Optional.of(new SignalRead(Signal.playback(d.path("user_id").asLong(),
                        d.hasNonNull("profile_id") ? d.path("profile_id").asLong() : null, d.path("title_id").asLong(),
                        Instant.parse(d.path("started_at").asString()))));
            }
            case EventTypes.PROFILE_PROGRESS_RECORDED -> {
                JsonNode d = data(event);
                yield Optional.of(new SignalRead(Signal.progress(d.path("user_id").asLong(), d.path("profile_id").asLong(),
                        d.path("title_id").asLong(), Instant.parse(d.path("at").asString()), d.path("finished").asBoolean())));
            }
            case EventTypes.PROFILE_FAVORITE_ADDED, EventTypes.PROFILE_FAVORITE_REMOVED -> {
                JsonNode d = data(event);
                yield Optional.of(new SignalRead(Signal.favorite(d.path("user_id").asLong(), d.path("profile_id").asLong(),
                        d.path("title_id").asLong(), Instant.parse(d.path("at").asString()), EventTypes.PROFILE_FAVORITE_ADDED.equals(type))));
            }
            case EventTypes.PROFILE_RATING_SET -> {
                JsonNode d = data(event);
                yield Optional.of(new SignalRead(Signal.rating(d.path("user_id").asLong(), d.path("profile_id").asLong(),
                        d.path("title_id").asLong(), Instant.parse(d.path("rated_at").asString()), d.path("rating").asInt())));
            }
            case EventTypes.PROFILE_RATING_REMOVED -> {
                JsonNode d = data(event);
                yield Optional.of(new SignalRead(Signal.rating(d.path("user_id").asLong(), d.path("profile_id").asLong(),
                        d.path("title_id").asLong(), Instant.parse(d.path("removed_at").asString()), 0)));
            }
            default -> Optional.empty();
        };
        return read.orElseGet(Ignored::new);
    }

    private static JsonNode data(CloudEvent event) {
        ContractEvents.requireValid(event);
        return JSON.readTree(event.getData().toBytes());
    }

    private static TitleChange title(JsonNode d) {
        List<String> genres = new ArrayList<>();
        d.path("genres").forEach(g -> genres.add(g.asString()));
        return new TitleChange(new Title(d.path("id").asLong(), d.path("title").asString(), List.copyOf(genres),
                "published".equals(d.path("status").asString())), d.path("version").asLong());
    }
}
