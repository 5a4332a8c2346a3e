package com.cinemaabyss.events.web;

import com.cinemaabyss.events.domain.MovieEvent;
import com.cinemaabyss.events.publish.EventKind;
import com.cinemaabyss.events.publish.EventRecorder;
import com.cinemaabyss.kit.web.Created;
import com.cinemaabyss.kit.web.Requests;
import com.cinemaabyss.kit.web.Responses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.Optional;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * The ingest benchmark's floor: {@code POST /bench/events/movie} reads, validates and wraps a movie event exactly as
 * {@code POST /api/events/movie} does and answers 201 without sending it to Kafka, so the benchmark can tell the
 * HTTP and validation cost from the wait for the broker. Closed by default: the route exists only when
 * {@link BenchSettings#noOpIngest()} is on, decided when the service starts (not at build time, so the Spring AOT
 * images cannot have it switched on by accident).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BenchSettings.class)
public class NoOpIngestRoutes {

    public static final String PATH = "/bench/events/movie";

    @Bean
    RouterFunction<ServerResponse> noOpIngest(BenchSettings settings, EventRecorder recorder) {
        if (!settings.noOpIngest()) {
            return request -> Optional.empty();
        }
        return route()
                .POST(PATH, request -> {
                    MovieEvent event = Requests.body(request, MovieEvent.class);
                    return Responses.of(Created.of(recorder.rehearse(EventKind.MOVIE, event.movieId(), event.action(), event)));
                })
                .filter(Responses.jsonErrors())
                .build();
    }
}
