package com.cinemaabyss.recommendations.web;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.web.CloudEventRequests;
import com.cinemaabyss.kit.web.Requests;
import com.cinemaabyss.kit.web.Responses;
import com.cinemaabyss.kit.web.auth.Caller;
import com.cinemaabyss.kit.web.auth.Callers;
import com.cinemaabyss.recommendations.domain.Recommendations;
import com.cinemaabyss.recommendations.functions.Commands;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * recommendations' routes: {@code GET /api/v1/me/recommendations?limit=&profile_id=} for a signed-in user (the account
 * is the verified access token's subject), and the event routes the KafkaSources deliver to.
 */
@Configuration(proxyBeanMethods = false)
public class RecommendationRoutes {

    public static final String HEALTH_PATH = "/api/v1/recommendations/health";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    static final long MAX_ID = 9_007_199_254_740_991L;

    @Bean
    RouterFunction<ServerResponse> recommendationsApi(Callers callers, Function<Commands.Recommend, Recommendations> recommend,
                                                      Consumer<CloudEvent> applyEvent) {
        return route()
                .GET(HEALTH_PATH, request -> Responses.healthy())
                .GET("/api/v1/me/recommendations", request -> {
                    Caller me = callers.require(request);
                    int limit = Requests.intParam(request, "limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
                    return Responses.ok(recommend.apply(new Commands.Recommend(me.userId(), profileId(request), limit)));
                })
                .POST("/internal/events/profile-events", CloudEventRequests.deliverTo(applyEvent))
                .POST("/internal/events/playback-events", CloudEventRequests.deliverTo(applyEvent))
                .POST("/internal/events/title-changes", CloudEventRequests.deliverTo(applyEvent))
                .filter(Responses.jsonErrors())
                .build();
    }

    private static Optional<Long> profileId(ServerRequest request) {
        return request.param("profile_id").map(raw -> {
            if (!raw.isEmpty() && raw.length() <= 16 && raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
                long value = Long.parseLong(raw);
                if (value >= 1 && value <= MAX_ID) {
                    return value;
                }
            }
            throw new InvalidInputException("'profile_id' must be an integer from 1 to " + MAX_ID);
        });
    }
}
