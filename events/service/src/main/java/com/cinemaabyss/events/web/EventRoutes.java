package com.cinemaabyss.events.web;

import com.cinemaabyss.events.domain.IngressBatch;
import com.cinemaabyss.events.domain.IngressReceipt;
import com.cinemaabyss.events.domain.MovieEvent;
import com.cinemaabyss.events.domain.MovieStats;
import com.cinemaabyss.events.domain.PaymentEvent;
import com.cinemaabyss.events.domain.ProcessedEvent;
import com.cinemaabyss.events.domain.RecordedEvent;
import com.cinemaabyss.events.domain.Stat;
import com.cinemaabyss.events.domain.UserEvent;
import com.cinemaabyss.events.domain.UserStats;
import com.cinemaabyss.kit.web.CloudEventRequests;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.web.Requests;
import com.cinemaabyss.kit.web.Responses;
import io.cloudevents.CloudEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/** The events service's HTTP routes, each bound to a function bean. */
@Configuration(proxyBeanMethods = false)
public class EventRoutes {

    /** Where the eventing layer (Knative KafkaSource, or the local bridge) delivers each topic. */
    public static final String MOVIE_EVENTS_PATH = "/internal/events/movie-events";
    public static final String USER_EVENTS_PATH = "/internal/events/user-events";
    public static final String PAYMENT_EVENTS_PATH = "/internal/events/payment-events";

    private static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);

    @Bean
    RouterFunction<ServerResponse> eventsApi(
            Function<MovieEvent, Message<RecordedEvent>> recordMovieEvent, Function<UserEvent, Message<RecordedEvent>> recordUserEvent,
            Function<PaymentEvent, Message<RecordedEvent>> recordPaymentEvent,
            @Qualifier("consumeMovieEvent") Consumer<CloudEvent> consumeMovieEvent,
            @Qualifier("consumeUserEvent") Consumer<CloudEvent> consumeUserEvent,
            @Qualifier("consumePaymentEvent") Consumer<CloudEvent> consumePaymentEvent,
            Function<String, ProcessedEvent> processedEvent, Supplier<Map<String, Stat>> eventStats,
            Function<Long, MovieStats> movieStats, Function<Long, UserStats> userStats,
            @Qualifier("asyncApiDocument") Supplier<String> asyncApiDocument,
            Function<IngressBatch, IngressReceipt> ingestCloudEvents) {
        return route()
                .GET("/api/events/health", request -> Responses.healthy())
                .POST("/api/events", request -> ServerResponse.accepted().contentType(MediaType.APPLICATION_JSON)
                        .body(ingestCloudEvents.apply(IngressRequests.read(request))))
                .POST("/api/events/movie", request -> Responses.of(recordMovieEvent.apply(Requests.body(request, MovieEvent.class))))
                .POST("/api/events/user", request -> Responses.of(recordUserEvent.apply(Requests.body(request, UserEvent.class))))
                .POST("/api/events/payment", request -> Responses.of(recordPaymentEvent.apply(Requests.body(request, PaymentEvent.class))))
                .GET("/api/events/processed", request -> Responses.ok(processedEvent.apply(request.param("id")
                        .filter(id -> !id.isBlank())
                        .orElseThrow(() -> new InvalidInputException("query parameter 'id' (a CloudEvent id) is required")))))
                .GET("/api/events/stats", request -> Responses.ok(eventStats.get()))
                .GET("/api/events/stats/movies/{movie_id}", request -> Responses.ok(movieStats.apply(EntityIds.fromPath(request, "movie_id"))))
                .GET("/api/events/stats/users/{user_id}", request -> Responses.ok(userStats.apply(EntityIds.fromPath(request, "user_id"))))
                .GET("/api/events/asyncapi.yaml", request -> ServerResponse.ok().contentType(YAML).body(asyncApiDocument.get()))
                .POST(MOVIE_EVENTS_PATH, CloudEventRequests.deliverTo(consumeMovieEvent))
                .POST(USER_EVENTS_PATH, CloudEventRequests.deliverTo(consumeUserEvent))
                .POST(PAYMENT_EVENTS_PATH, CloudEventRequests.deliverTo(consumePaymentEvent))
                .filter(Responses.jsonErrors())
                .build();
    }
}
