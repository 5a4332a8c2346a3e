package com.cinemaabyss.monolith.functions;

import com.cinemaabyss.kit.contracts.EventTypes;
import com.cinemaabyss.kit.contracts.MovieChange;
import com.cinemaabyss.kit.events.EventJson;
import com.cinemaabyss.kit.web.NotFoundException;
import com.cinemaabyss.monolith.domain.Movie;
import com.cinemaabyss.monolith.domain.NewMovie;
import com.cinemaabyss.monolith.events.MovieChanges;
import com.cinemaabyss.monolith.store.MovieStore;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

@Configuration(proxyBeanMethods = false)
public class MovieFunctions {

    private static final Logger log = LoggerFactory.getLogger(MovieFunctions.class);

    @Bean
    public Supplier<List<Movie>> listMovies(MovieStore movies) {
        return movies::all;
    }

    @Bean
    public Function<Long, Movie> getMovie(MovieStore movies) {
        return id -> movies.find(id).orElseThrow(() -> new NotFoundException("movie " + id + " not found"));
    }

    @Bean
    public Function<NewMovie, Movie> createMovie(MovieStore movies) {
        return movies::create;
    }

    /** Triggered by the movie changelog: stores movies the catalog service accepted, under the same id. */
    @Bean
    public Consumer<CloudEvent> applyMovieChange(MovieStore movies) {
        return event -> {
            if (!EventTypes.MOVIE_UPSERTED.equals(event.getType())) {
                log.info("event={} type={} ignored: not a movie change", event.getId(), event.getType());
                return;
            }
            MovieChange change = EventJson.data(event, MovieChange.class);
            if (MovieChanges.WRITER.equals(change.writtenBy())) {
                return;
            }
            boolean stored = movies.applyReplica(change);
            log.info("event={} type={} movie={} replicated={}", event.getId(), event.getType(), change.id(), stored);
        };
    }
}
