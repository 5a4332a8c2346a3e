package com.cinemaabyss.bff.web.web;

import com.cinemaabyss.bff.kit.Caching;
import com.cinemaabyss.bff.kit.Forwarded;
import com.cinemaabyss.bff.kit.Queries;
import com.cinemaabyss.bff.kit.ScreenRequests;
import com.cinemaabyss.bff.kit.ScreenResponses;
import com.cinemaabyss.bff.kit.Screens;
import com.cinemaabyss.bff.web.screens.AccountScreen;
import com.cinemaabyss.bff.web.screens.BrowseScreen;
import com.cinemaabyss.bff.web.screens.HomeScreen;
import com.cinemaabyss.bff.web.screens.TitleScreen;
import com.cinemaabyss.kit.web.Responses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

import java.util.function.Function;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/** The web BFF's routes, each bound to its screen function (docs/bff-api.md). */
@Configuration(proxyBeanMethods = false)
public class WebRoutes {

    public static final String HEALTH_PATH = "/api/web/health";
    static final int BROWSE_LIMIT = 24;

    @Bean
    RouterFunction<ServerResponse> webScreens(JsonMapper json, Function<Queries.Home, HomeScreen> webHome,
                                              Function<Queries.Browse, BrowseScreen> webBrowse,
                                              Function<Queries.Title, TitleScreen> webTitle,
                                              Function<Queries.Account, AccountScreen> webAccount) {
        ScreenResponses answers = new ScreenResponses(json, HttpHeaders.AUTHORIZATION);
        return route()
                .GET(HEALTH_PATH, request -> Responses.healthy())
                .GET("/api/web/home", request -> {
                    Forwarded caller = ScreenRequests.caller(request);
                    HomeScreen home = webHome.apply(new Queries.Home(caller, ScreenRequests.id(request, "profile_id")));
                    return answers.answer(request, new Screens.Answer(home, home.degraded(), Caching.of(caller)));
                })
                .GET("/api/web/browse", request -> {
                    Forwarded caller = ScreenRequests.caller(request);
                    BrowseScreen browse = webBrowse.apply(new Queries.Browse(caller, ScreenRequests.searchQuery(request, BROWSE_LIMIT)));
                    return answers.answer(request, new Screens.Answer(browse, browse.degraded(), Caching.PUBLIC));
                })
                .GET("/api/web/titles/{id}", request -> {
                    Forwarded caller = ScreenRequests.caller(request);
                    TitleScreen title = webTitle.apply(new Queries.Title(caller, ScreenRequests.pathId(request, "id"),
                            ScreenRequests.id(request, "profile_id"), ScreenRequests.id(request, "episode_id")));
                    return answers.answer(request, new Screens.Answer(title, title.degraded(), Caching.of(caller)));
                })
                .GET("/api/web/account", request -> {
                    AccountScreen account = webAccount.apply(new Queries.Account(ScreenRequests.signedIn(request)));
                    return answers.answer(request, new Screens.Answer(account, account.degraded(), Caching.PERSONAL));
                })
                .filter(Responses.jsonErrors())
                .build();
    }
}
