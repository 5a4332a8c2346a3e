package com.cinemaabyss.catalog.web;

import com.cinemaabyss.catalog.domain.SearchQuery;
import com.cinemaabyss.catalog.domain.SearchResult;
import com.cinemaabyss.catalog.domain.SeasonDraft;
import com.cinemaabyss.catalog.domain.Title;
import com.cinemaabyss.catalog.domain.TitleDraft;
import com.cinemaabyss.catalog.functions.TitleCommands;
import com.cinemaabyss.catalog.search.TitleIndex;
import com.cinemaabyss.catalog.search.TitleIndexer;
import com.cinemaabyss.kit.auth.Role;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.web.CloudEventRequests;
import com.cinemaabyss.kit.web.Requests;
import com.cinemaabyss.kit.web.Responses;
import com.cinemaabyss.kit.web.auth.Callers;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * The title routes. Reading and searching are public; creating, changing and withdrawing need a content manager (or an
 * admin) by the forwarded access token. The provider feed arrives on an internal route from the eventing layer.
 */
@Configuration(proxyBeanMethods = false)
public class TitleRoutes {

    public static final String PROVIDER_FEED_PATH = "/internal/events/provider-feed";
    static final String TITLES = "/api/v1/titles";
    private static final long MAX_ID = 9_007_199_254_740_991L;

    @Bean
    RouterFunction<ServerResponse> titleApi(Callers callers, Function<TitleDraft, Message<Title>> createTitle,
                                            Function<TitleCommands.UpdateTitle, Title> updateTitle,
                                            Function<TitleCommands.PutSeason, Title> putSeason, Function<Long, Title> withdrawTitle,
                                            Function<Long, Title> getTitle, Function<SearchQuery, SearchResult> searchTitles,
                                            Consumer<CloudEvent> applyProviderFeed, TitleIndex index, TitleIndexer indexer) {
        return route()
                .GET(TITLES + "/health", request -> {
                    Map<String, Object> health = new LinkedHashMap<>();
                    health.put("status", index.ready());
                    health.put("search_documents", index.documents());
                    health.put("search_rebuild_ms", indexer.rebuildMillis());
                    return ServerResponse.status(index.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(health);
                })
                .GET(TITLES, request -> Responses.ok(searchTitles.apply(searchQuery(request))))
                .POST(TITLES, request -> {
                    contentManager(callers, request);
                    return Responses.of(createTitle.apply(Requests.body(request, TitleDraft.class)));
                })
                .GET(TITLES + "/{id}", request -> Responses.ok(getTitle.apply(id(request))))
                .PUT(TITLES + "/{id}", request -> {
                    contentManager(callers, request);
                    long id = id(request);
                    return Responses.ok(updateTitle.apply(new TitleCommands.UpdateTitle(id, Requests.body(request, TitleDraft.class))));
                })
                .DELETE(TITLES + "/{id}", request -> {
                    contentManager(callers, request);
                    return Responses.ok(withdrawTitle.apply(id(request)));
                })
                .PUT(TITLES + "/{id}/seasons/{number}", request -> {
                    contentManager(callers, request);
                    long id = id(request);
                    int number = seasonNumber(request);
                    SeasonBody body = Requests.body(request, SeasonBody.class);
                    return Responses.ok(putSeason.apply(new TitleCommands.PutSeason(id, number,
                            new SeasonDraft(number, body.title(), body.episodes()))));
                })
                .POST(PROVIDER_FEED_PATH, CloudEventRequests.deliverTo(applyProviderFeed))
                .filter(Responses.jsonErrors())
                .build();
    }

    /** The body of {@code PUT /api/v1/titles/{id}/seasons/{number}}: the number is the path's. */
    record SeasonBody(String title, java.util.List<com.cinemaabyss.catalog.domain.EpisodeDraft> episodes) {
    }

    private static void contentManager(Callers callers, ServerRequest request) {
        callers.requireRole(request, Role.CONTENT_MANAGER.wireName());
    }

    static SearchQuery searchQuery(ServerRequest request) {
        return new SearchQuery(param(request, "q", 200), param(request, "type", 20), param(request, "genre", 40),
                param(request, "country", 2), Requests.intParam(request, "year_from", 1870, 2100).orElse(null),
                Requests.intParam(request, "year_to", 1870, 2100).orElse(null), param(request, "sort", 20),
                Requests.intParam(request, "limit", 1, SearchQuery.MAX_LIMIT).orElse(SearchQuery.DEFAULT_LIMIT),
                param(request, "cursor", 512));
    }

    private static String param(ServerRequest request, String name, int max) {
        String value = request.param(name).orElse(null);
        if (value != null && value.length() > max) {
            throw new InvalidInputException("query parameter '" + name + "' must be at most " + max + " characters");
        }
        return value == null || value.isEmpty() ? null : value;
    }

    private static long id(ServerRequest request) {
        String raw = request.pathVariable("id");
        try {
            long id = raw.length() > 16 ? -1 : Long.parseLong(raw);
            if (id >= 1 && id <= MAX_ID) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidInputException("path segment 'id' must be a title id, a positive integer");
    }

    private static int seasonNumber(ServerRequest request) {
        String raw = request.pathVariable("number");
        try {
            int number = raw.length() > 3 ? -1 : Integer.parseInt(raw);
            if (number >= 1 && number <= 100) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidInputException("path segment 'number' must be a season number from 1 to 100");
    }
}
