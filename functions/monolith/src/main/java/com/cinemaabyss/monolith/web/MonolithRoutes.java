package com.cinemaabyss.monolith.web;

import com.cinemaabyss.kit.events.CloudEventsHttp;
import com.cinemaabyss.kit.web.CollectionRoutes;
import com.cinemaabyss.kit.web.Responses;
import com.cinemaabyss.monolith.domain.Movie;
import com.cinemaabyss.monolith.domain.NewMovie;
import com.cinemaabyss.monolith.domain.NewPayment;
import com.cinemaabyss.monolith.domain.NewSubscription;
import com.cinemaabyss.monolith.domain.NewUser;
import com.cinemaabyss.monolith.domain.Payment;
import com.cinemaabyss.monolith.domain.Subscription;
import com.cinemaabyss.monolith.domain.User;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/** The monolith's HTTP routes, each bound to a function bean. */
@Configuration(proxyBeanMethods = false)
public class MonolithRoutes {

    /** Where the eventing layer (Knative KafkaSource, or the local bridge) delivers the movie changelog. */
    public static final String MOVIE_CHANGES_PATH = "/internal/events/movie-changes";

    @Bean
    RouterFunction<ServerResponse> monolithApi(
            Supplier<List<User>> listUsers, Function<Long, User> getUser, Function<NewUser, User> createUser,
            Supplier<List<Movie>> listMovies, Function<Long, Movie> getMovie, Function<NewMovie, Movie> createMovie,
            Supplier<List<Payment>> listPayments, Function<Long, Payment> getPayment,
            Function<Long, List<Payment>> paymentsOfUser, Function<NewPayment, Payment> createPayment,
            Supplier<List<Subscription>> listSubscriptions, Function<Long, Subscription> getSubscription,
            Function<Long, List<Subscription>> subscriptionsOfUser, Function<NewSubscription, Subscription> createSubscription,
            Consumer<CloudEvent> applyMovieChange) {
        return route()
                .GET("/health", request -> Responses.healthy())
                .add(CollectionRoutes.at("/api/users", NewUser.class).list(listUsers).get(getUser).create(createUser).build())
                .add(CollectionRoutes.at("/api/movies", NewMovie.class).list(listMovies).get(getMovie).create(createMovie).build())
                .add(CollectionRoutes.at("/api/payments", NewPayment.class)
                        .list(listPayments).get(getPayment).byUser(paymentsOfUser).create(createPayment).build())
                .add(CollectionRoutes.at("/api/subscriptions", NewSubscription.class)
                        .list(listSubscriptions).get(getSubscription).byUser(subscriptionsOfUser).create(createSubscription).build())
                .POST(MOVIE_CHANGES_PATH, request -> {
                    applyMovieChange.accept(CloudEventsHttp.read(request));
                    return ServerResponse.accepted().build();
                })
                .filter(Responses.jsonErrors())
                .build();
    }
}
