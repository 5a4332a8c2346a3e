package com.cinemaabyss.catalog.web;

import com.cinemaabyss.kit.web.CloudEventRequests;
import com.cinemaabyss.kit.web.Responses;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.function.Consumer;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/** The rating events, as the eventing layer delivers them from profile-events and movie-events. */
@Configuration(proxyBeanMethods = false)
public class RatingRoutes {

    public static final String PROFILE_EVENTS_PATH = "/internal/events/profile-events";
    public static final String MOVIE_EVENTS_PATH = "/internal/events/movie-events";

    @Bean
    RouterFunction<ServerResponse> ratingEvents(Consumer<CloudEvent> applyProfileRatings, Consumer<CloudEvent> applyMovieRatings) {
        return route()
                .POST(PROFILE_EVENTS_PATH, CloudEventRequests.deliverTo(applyProfileRatings))
                .POST(MOVIE_EVENTS_PATH, CloudEventRequests.deliverTo(applyMovieRatings))
                .filter(Responses.jsonErrors())
                .build();
    }
}
