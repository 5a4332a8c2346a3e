package com.cinemaabyss.content.web;

import com.cinemaabyss.content.domain.LicenceWindow;
import com.cinemaabyss.content.domain.Availability;
import com.cinemaabyss.content.domain.Playback;
import com.cinemaabyss.content.domain.PlaybackRefused;
import com.cinemaabyss.content.domain.PlaybackRequest;
import com.cinemaabyss.content.domain.Regions;
import com.cinemaabyss.content.functions.Licences;
import com.cinemaabyss.content.functions.Playbacks;
import com.cinemaabyss.kit.auth.Role;
import com.cinemaabyss.kit.core.ErrorBody;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.web.CloudEventRequests;
import com.cinemaabyss.kit.web.JsonErrors;
import com.cinemaabyss.kit.web.Requests;
import com.cinemaabyss.kit.web.Responses;
import com.cinemaabyss.kit.web.auth.Caller;
import com.cinemaabyss.kit.web.auth.Callers;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.function.Consumer;
import java.util.function.Function;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * Playback for a signed-in viewer, licences for content managers, and the title-changes sink (under /internal: the
 * eventing layer only). Routed by the gateway under /api/v1/playback and /api/v1/licences.
 */
@Configuration(proxyBeanMethods = false)
public class ContentRoutes {

    public static final String TITLE_CHANGES_PATH = "/internal/events/title-changes";
    /**
     * The viewer's country, ISO 3166-1 alpha-2, which the gateway sets from the client's address (and never passes on
     * from a client). content believes it because only the gateway reaches content's public routes.
     */
    public static final String COUNTRY_HEADER = "X-Client-Country";
    private static final String CONTENT_MANAGER = Role.CONTENT_MANAGER.wireName();

    @Bean
    RouterFunction<ServerResponse> contentApi(Callers callers, Function<Playbacks.Command, Playback> startPlayback,
                                              Function<Playbacks.Check, Availability> checkAvailability,
                                              Function<Licences.Change, Licences.View> setLicence, Consumer<Licences.Removal> removeLicence,
                                              Function<Long, Licences.TitleLicences> titleLicences, Consumer<CloudEvent> applyTitleChange) {
        return route()
                .GET("/api/v1/playback/health", request -> Responses.healthy())
                .POST("/api/v1/playback", request -> {
                    Caller caller = callers.require(request);
                    String region = country(request);
                    PlaybackRequest body = Requests.body(request, PlaybackRequest.class);
                    return Responses.ok(startPlayback.apply(new Playbacks.Command(caller.userId(),
                            request.headers().firstHeader(HttpHeaders.AUTHORIZATION), region, body)));
                })
                .GET("/api/v1/playback/availability/{titleId}", request -> {
                    callers.require(request);
                    return Responses.ok(checkAvailability.apply(new Playbacks.Check(id(request),
                            Requests.positiveLongParam(request, "episode_id").orElse(null),
                            Requests.positiveLongParam(request, "profile_id").orElse(null),
                            request.headers().firstHeader(HttpHeaders.AUTHORIZATION), country(request))));
                })
                .GET("/api/v1/licences/{titleId}", request -> {
                    callers.requireRole(request, CONTENT_MANAGER);
                    return Responses.ok(titleLicences.apply(id(request)));
                })
                .PUT("/api/v1/licences/{titleId}/{region}", request -> {
                    Caller caller = callers.requireRole(request, CONTENT_MANAGER);
                    long titleId = id(request);
                    String region = Regions.require(request.pathVariable("region"), "the region in the path");
                    LicenceWindow window = Requests.body(request, LicenceWindow.class);
                    return Responses.ok(setLicence.apply(new Licences.Change(caller.userId(), titleId, region, window)));
                })
                .DELETE("/api/v1/licences/{titleId}/{region}", request -> {
                    callers.requireRole(request, CONTENT_MANAGER);
                    long titleId = id(request);
                    removeLicence.accept(new Licences.Removal(titleId, Regions.require(request.pathVariable("region"), "the region in the path")));
                    return ServerResponse.noContent().build();
                })
                .POST(TITLE_CHANGES_PATH, CloudEventRequests.deliverTo(applyTitleChange))
                // One filter for every failure: a refusal with its own status (402, 451, ...), the rest as the kit maps them.
                .filter((request, next) -> {
                    try {
                        return next.handle(request);
                    } catch (PlaybackRefused refused) {
                        return ServerResponse.status(refused.status()).contentType(MediaType.APPLICATION_JSON).body(new ErrorBody(refused.getMessage()));
                    } catch (Exception e) {
                        return JsonErrors.toServerResponse(e);
                    }
                })
                .build();
    }

    static String country(ServerRequest request) {
        String country = request.headers().firstHeader(COUNTRY_HEADER);
        if (!Regions.isRegion(country)) {
            throw new InvalidInputException(COUNTRY_HEADER + " must be the viewer's ISO 3166-1 alpha-2 country (the gateway sets it)");
        }
        return country;
    }

    private static long id(ServerRequest request) {
        String raw = request.pathVariable("titleId");
        if (raw.length() > 19 || !raw.matches("[1-9][0-9]*")) {
            throw new InvalidInputException("the title id in the path must be a positive integer");
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("the title id in the path must be a positive integer");
        }
    }
}
