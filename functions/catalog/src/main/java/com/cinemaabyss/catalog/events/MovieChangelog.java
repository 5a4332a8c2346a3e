package com.cinemaabyss.catalog.events;

import com.cinemaabyss.contracts.EventContract;
import com.cinemaabyss.contracts.EventContracts;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.events.EventJson;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The movie changelog shared by both sides of the migration: {@value EventTypes#MOVIE_UPSERTED} events on
 * {@value Topics#MOVIE_CHANGES}, keyed by movie id. Each side writes as itself and reads only the other's. Both
 * directions hold to the type's JSON Schema: what we write is checked before it is queued, and a change that breaks
 * it is refused (the eventing layer dead-letters it) rather than stored.
 */
public final class MovieChangelog {

    private static final EventContract CONTRACT = EventContracts.load().forType(EventTypes.MOVIE_UPSERTED)
            .orElseThrow(() -> new IllegalStateException("no contract for " + EventTypes.MOVIE_UPSERTED));

    private final String writer;
    private final URI source;

    public MovieChangelog(String writer) {
        this.writer = writer;
        this.source = URI.create("/cinemaabyss/" + writer);
    }

    public String writer() {
        return writer;
    }

    public CloudEvent upserted(MovieChange change) {
        byte[] data = EventJson.toBytes(change);
        requireValid(data, "movie " + change.id());
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(source)
                .withType(EventTypes.MOVIE_UPSERTED)
                .withSubject(Long.toString(change.id()))
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data)
                .build();
    }

    /** The change another writer made, or empty for our own echo and for event types that are not movie changes. */
    public Optional<MovieChange> fromOtherWriter(CloudEvent event) {
        if (!EventTypes.MOVIE_UPSERTED.equals(event.getType())) {
            return Optional.empty();
        }
        requireValid(event.getData() == null ? new byte[0] : event.getData().toBytes(), "CloudEvent " + event.getId());
        MovieChange change = EventJson.data(event, MovieChange.class);
        return writer.equals(change.writtenBy()) ? Optional.empty() : Optional.of(change);
    }

    private static void requireValid(byte[] data, String what) {
        List<String> violations = CONTRACT.violations(data);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(what + " breaks the schema of " + EventTypes.MOVIE_UPSERTED + ": " + String.join("; ", violations));
        }
    }
}
