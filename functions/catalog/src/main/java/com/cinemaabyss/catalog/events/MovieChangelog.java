package com.cinemaabyss.catalog.events;

import com.cinemaabyss.contracts.EventTypes;

import com.cinemaabyss.kit.events.EventJson;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The movie changelog shared by both sides of the migration: {@value EventTypes#MOVIE_UPSERTED} events on
 * {@value Topics#MOVIE_CHANGES}, keyed by movie id. Each side writes as itself and reads only the other's.
 */
public final class MovieChangelog {

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
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(source)
                .withType(EventTypes.MOVIE_UPSERTED)
                .withSubject(Long.toString(change.id()))
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(EventJson.toBytes(change))
                .build();
    }

    /** The change another writer made, or empty for our own echo and for event types that are not movie changes. */
    public Optional<MovieChange> fromOtherWriter(CloudEvent event) {
        if (!EventTypes.MOVIE_UPSERTED.equals(event.getType())) {
            return Optional.empty();
        }
        MovieChange change = EventJson.data(event, MovieChange.class);
        return writer.equals(change.writtenBy()) ? Optional.empty() : Optional.of(change);
    }
}
