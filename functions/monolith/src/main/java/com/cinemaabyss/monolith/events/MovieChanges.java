package com.cinemaabyss.monolith.events;

import com.cinemaabyss.kit.contracts.EventTypes;
import com.cinemaabyss.kit.contracts.MovieChange;
import com.cinemaabyss.kit.contracts.Topics;
import com.cinemaabyss.kit.events.EventJson;
import com.cinemaabyss.kit.outbox.Outbox;
import com.cinemaabyss.monolith.domain.Movie;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The movie changelog as the monolith writes and reads it: {@value EventTypes#MOVIE_UPSERTED} on {@value Topics#MOVIE_CHANGES}. */
@Component
public class MovieChanges {

    public static final String WRITER = "monolith";
    private static final URI SOURCE = URI.create("/cinemaabyss/monolith");

    public TransactWriteItemsEnhancedRequest.Builder announce(TransactWriteItemsEnhancedRequest.Builder transaction, Outbox outbox, Movie movie) {
        MovieChange change = new MovieChange(movie.id(), movie.title(), movie.description(), movie.genres(), movie.rating(), WRITER);
        CloudEvent event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(SOURCE)
                .withType(EventTypes.MOVIE_UPSERTED)
                .withSubject(Long.toString(movie.id()))
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(EventJson.toBytes(change))
                .build();
        return outbox.add(transaction, Topics.MOVIE_CHANGES, Long.toString(movie.id()), event);
    }
}
