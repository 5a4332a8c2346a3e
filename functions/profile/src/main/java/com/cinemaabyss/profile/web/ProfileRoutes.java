package com.cinemaabyss.profile.web;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.Page;
import com.cinemaabyss.kit.web.CloudEventRequests;
import com.cinemaabyss.kit.web.Requests;
import com.cinemaabyss.kit.web.Responses;
import com.cinemaabyss.kit.web.auth.Caller;
import com.cinemaabyss.kit.web.auth.Callers;
import com.cinemaabyss.profile.domain.Favorite;
import com.cinemaabyss.profile.domain.Ids;
import com.cinemaabyss.profile.domain.NewProfile;
import com.cinemaabyss.profile.domain.Profile;
import com.cinemaabyss.profile.domain.ProfileUpdate;
import com.cinemaabyss.profile.domain.ProgressReport;
import com.cinemaabyss.profile.domain.Rating;
import com.cinemaabyss.profile.domain.TitleState;
import com.cinemaabyss.profile.domain.RatingRequest;
import com.cinemaabyss.profile.domain.Watched;
import com.cinemaabyss.profile.functions.Commands;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.messaging.Message;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * profile's routes. Every one needs a signed-in user: the account is the verified access token's subject. A profile's
 * library (favourites, ratings, progress, continue watching, history) is chosen with the query parameter
 * {@code profile_id} (one of the caller's profiles, else 404); without it, the account's first profile.
 */
@Configuration(proxyBeanMethods = false)
public class ProfileRoutes {

    public static final String HEALTH_PATH = "/api/v1/profile/health";
    public static final String TITLE_CHANGES_PATH = "/internal/events/title-changes";
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;

    @Bean
    RouterFunction<ServerResponse> profileApi(Callers callers, Function<Long, List<Profile>> listProfiles,
                                              Function<Commands.CreateProfile, Message<Profile>> createProfile,
                                              Function<Commands.ProfileRef, Profile> getProfile,
                                              Function<Commands.UpdateProfile, Profile> updateProfile,
                                              Consumer<Commands.ProfileRef> deleteProfile,
                                              Function<Commands.TitleRef, Favorite> addFavorite,
                                              Consumer<Commands.TitleRef> removeFavorite,
                                              Function<Commands.ListPage, Page<Favorite>> listFavorites,
                                              Function<Commands.TitleRef, TitleState> titleState,
                                              Function<Commands.Rate, Rating> rateTitle,
                                              Consumer<Commands.TitleRef> removeRating,
                                              Function<Commands.ListPage, Page<Rating>> listRatings,
                                              Function<Commands.Progress, Watched> recordProgress,
                                              Function<Commands.ListPage, List<Watched>> continueWatching,
                                              Function<Commands.ListPage, Page<Watched>> watchHistory,
                                              Consumer<CloudEvent> applyTitleChange) {
        return route()
                .GET(HEALTH_PATH, request -> Responses.healthy())
                .GET("/api/v1/me/profiles", request -> Responses.ok(listProfiles.apply(callers.require(request).userId())))
                .POST("/api/v1/me/profiles", request -> {
                    Caller me = callers.require(request);
                    return Responses.of(createProfile.apply(new Commands.CreateProfile(me.userId(),
                            request.headers().firstHeader(HttpHeaders.AUTHORIZATION), Requests.body(request, NewProfile.class))));
                })
                .GET("/api/v1/me/profiles/{profile_id}", request -> {
                    Caller me = callers.require(request);
                    return Responses.ok(getProfile.apply(new Commands.ProfileRef(me.userId(), pathId(request, "profile_id"))));
                })
                .PUT("/api/v1/me/profiles/{profile_id}", request -> {
                    Caller me = callers.require(request);
                    long profileId = pathId(request, "profile_id");
                    return Responses.ok(updateProfile.apply(new Commands.UpdateProfile(me.userId(), profileId,
                            Requests.body(request, ProfileUpdate.class))));
                })
                .DELETE("/api/v1/me/profiles/{profile_id}", request -> {
                    Caller me = callers.require(request);
                    deleteProfile.accept(new Commands.ProfileRef(me.userId(), pathId(request, "profile_id")));
                    return ServerResponse.noContent().build();
                })
                .GET("/api/v1/me/titles/{title_id}", request -> Responses.ok(titleState.apply(title(callers, request))))
                .GET("/api/v1/me/favorites", request -> Responses.ok(listFavorites.apply(page(callers, request))))
                .PUT("/api/v1/me/favorites/{title_id}", request -> Responses.ok(addFavorite.apply(title(callers, request))))
                .DELETE("/api/v1/me/favorites/{title_id}", request -> {
                    removeFavorite.accept(title(callers, request));
                    return ServerResponse.noContent().build();
                })
                .GET("/api/v1/me/ratings", request -> Responses.ok(listRatings.apply(page(callers, request))))
                .PUT("/api/v1/me/ratings/{title_id}", request -> {
                    Commands.TitleRef ref = title(callers, request);
                    RatingRequest body = Requests.body(request, RatingRequest.class);
                    return Responses.ok(rateTitle.apply(new Commands.Rate(ref.accountId(), ref.profileId(), ref.titleId(), body.rating())));
                })
                .DELETE("/api/v1/me/ratings/{title_id}", request -> {
                    removeRating.accept(title(callers, request));
                    return ServerResponse.noContent().build();
                })
                .POST("/api/v1/me/progress", request -> {
                    Caller me = callers.require(request);
                    Optional<Long> profileId = profileId(request);
                    return Responses.ok(recordProgress.apply(new Commands.Progress(me.userId(), profileId,
                            Requests.body(request, ProgressReport.class))));
                })
                .GET("/api/v1/me/continue-watching", request -> {
                    Commands.ListPage page = page(callers, request);
                    if (page.cursor() != null) {
                        throw new InvalidInputException("continue watching is one list of at most " + MAX_PAGE + " titles: it takes 'limit', not 'cursor'");
                    }
                    return Responses.ok(continueWatching.apply(page));
                })
                .GET("/api/v1/me/history", request -> Responses.ok(watchHistory.apply(page(callers, request))))
                .POST(TITLE_CHANGES_PATH, CloudEventRequests.deliverTo(applyTitleChange))
                .filter(Responses.jsonErrors())
                .build();
    }

    private static Commands.TitleRef title(Callers callers, ServerRequest request) {
        Caller me = callers.require(request);
        return new Commands.TitleRef(me.userId(), profileId(request), pathId(request, "title_id"));
    }

    private static Commands.ListPage page(Callers callers, ServerRequest request) {
        Caller me = callers.require(request);
        Optional<Long> profileId = profileId(request);
        int limit = Requests.intParam(request, "limit", 1, MAX_PAGE).orElse(DEFAULT_PAGE);
        return new Commands.ListPage(me.userId(), profileId, limit, request.param("cursor").orElse(null));
    }

    private static Optional<Long> profileId(ServerRequest request) {
        return request.param("profile_id").map(raw -> Ids.parse(raw, "profile_id"));
    }

    private static long pathId(ServerRequest request, String name) {
        return Ids.parse(request.pathVariable(name), name);
    }
}
