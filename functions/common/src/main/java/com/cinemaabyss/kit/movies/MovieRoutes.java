package com.cinemaabyss.kit.movies;

import com.cinemaabyss.kit.events.CloudEventsHttp;
import com.cinemaabyss.kit.web.Requests;
import com.cinemaabyss.kit.web.Responses;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.List;
import java.util.Optional;
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
    RouterFunction<ServerResponse> movieApi(Supplier<List<Movie>> listMovies, Function<PageRequest, MoviePage> pageMovies,
                                              Function<Long, Movie> getMovie, Function<NewMovie, Movie> createMovie,
                                              Consumer<CloudEvent> applyMovieChange) {
        return route()
                .GET("/api/movies", request -> read(request, listMovies, pageMovies, getMovie))
                .POST("/api/movies", request -> Responses.created(createMovie.apply(Requests.body(request, NewMovie.class))))
                .POST(MOVIE_CHANGES_PATH, request -> {
                    applyMovieChange.accept(CloudEventsHttp.read(request));
                    return ServerResponse.accepted().build();
                })
                .filter(Responses.jsonErrors())
                .build();
    }

    private static ServerResponse read(ServerRequest request, Supplier<List<Movie>> listMovies,
                                       Function<PageRequest, MoviePage> pageMovies, Function<Long, Movie> getMovie) {
        Optional<Long> id = Requests.positiveLongParam(request, "id");
        if (id.isPresent()) {
            return Responses.ok(getMovie.apply(id.get()));
        }
        Optional<Integer> limit = Requests.intParam(request, "limit", 1, MAX_PAGE);
        Optional<String> cursor = request.param("cursor");
        if (limit.isPresent() || cursor.isPresent()) {
            return Responses.ok(pageMovies.apply(new PageRequest(limit.orElse(50), cursor.orElse(null))));
        }
        return Responses.ok(listMovies.get());
    }
}
