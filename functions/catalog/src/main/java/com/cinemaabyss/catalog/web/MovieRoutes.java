package com.cinemaabyss.catalog.web;

import com.cinemaabyss.catalog.domain.Movie;
import com.cinemaabyss.catalog.domain.NewMovie;
import com.cinemaabyss.kit.core.Page;
import com.cinemaabyss.kit.core.PageRequest;
import com.cinemaabyss.kit.web.CloudEventRequests;
import com.cinemaabyss.kit.web.CollectionRoutes;
import com.cinemaabyss.kit.web.Responses;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * The movie routes, each bound to a function bean, on both sides of the migration. {@code GET /api/movies} answers the
 * legacy array; with {@code limit} (and then {@code cursor}) it answers one page for newer clients.
 */
@Configuration(proxyBeanMethods = false)
public class MovieRoutes {

    public static final String MOVIE_CHANGES_PATH = "/internal/events/movie-changes";
    static final int MAX_PAGE = 500;

    @Bean
    RouterFunction<ServerResponse> movieApi(Supplier<Iterable<Movie>> listMovies, Function<PageRequest, Page<Movie>> pageMovies,
                                            Function<Long, Movie> getMovie, Function<NewMovie, Message<Movie>> createMovie,
                                            Consumer<CloudEvent> applyMovieChange) {
        return route()
                .add(CollectionRoutes.at("/api/movies", NewMovie.class)
                        .list(listMovies).get(getMovie).page(pageMovies, MAX_PAGE).create(createMovie).build())
                .POST(MOVIE_CHANGES_PATH, CloudEventRequests.deliverTo(applyMovieChange))
                .filter(Responses.jsonErrors())
                .build();
    }
}
