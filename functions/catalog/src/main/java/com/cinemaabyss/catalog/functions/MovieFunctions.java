package com.cinemaabyss.catalog.functions;

import com.cinemaabyss.kit.core.Page;

import com.cinemaabyss.catalog.domain.Movie;
import com.cinemaabyss.catalog.domain.NewMovie;
import com.cinemaabyss.catalog.store.MovieStore;
import com.cinemaabyss.kit.core.PageRequest;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.cinemaabyss.catalog.events.MovieChangelog;
import com.cinemaabyss.kit.lambda.KafkaEventRecords;
import com.cinemaabyss.kit.web.Created;
import com.cinemaabyss.kit.core.NotFoundException;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** The movie operations, as function beans; both sides of the migration serve exactly these. */
@Configuration(proxyBeanMethods = false)
public class MovieFunctions {

    private static final Logger log = LoggerFactory.getLogger(MovieFunctions.class);

    /** The legacy unpaged list, kept for clients that still expect a plain array. */
    @Bean
    public Supplier<Iterable<Movie>> listMovies(MovieStore movies) {
        return movies::all;
    }

    @Bean
    public Function<PageRequest, Page<Movie>> pageMovies(MovieStore movies) {
        return movies::page;
    }

    @Bean
    public Function<Long, Movie> getMovie(MovieStore movies) {
        return id -> movies.find(id).orElseThrow(() -> new NotFoundException("movie " + id + " not found"));
    }

    @Bean
    public Function<NewMovie, Message<Movie>> createMovie(MovieStore movies) {
        return request -> Created.of(movies.create(request));
    }

    /**
     * The changelog consumer as an AWS Lambda Kafka trigger delivers it: a batch of records, each a CloudEvent. A
     * record that can never be applied is skipped (and logged) rather than failing the batch forever.
     */
    @Bean
    public Function<KafkaEvent, KafkaEventRecords.Outcome> applyMovieChangesFromKafka(Consumer<CloudEvent> applyMovieChange) {
        return batch -> KafkaEventRecords.deliverEach(batch, applyMovieChange);
    }

    /** Triggered by the movie changelog: stores movies the other side accepted, under the same id. */
    @Bean
    public Consumer<CloudEvent> applyMovieChange(MovieStore movies, MovieChangelog changelog) {
        return event -> changelog.fromOtherWriter(event).ifPresentOrElse(
                change -> log.info("event={} type={} movie={} replicated={}",
                        event.getId(), event.getType(), change.id(), movies.applyReplica(change)),
                () -> log.debug("event={} type={} skipped: own change or not a movie change", event.getId(), event.getType()));
    }
}
