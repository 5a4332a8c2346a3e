package com.cinemaabyss.bff.mobile.web;

import com.cinemaabyss.bff.kit.Caching;
import com.cinemaabyss.bff.kit.Forwarded;
import com.cinemaabyss.bff.kit.Queries;
import com.cinemaabyss.bff.kit.ScreenRequests;
import com.cinemaabyss.bff.kit.ScreenResponses;
import com.cinemaabyss.bff.kit.Screens;
import com.cinemaabyss.bff.mobile.functions.MobileScreenFunctions.OnDevice;
import com.cinemaabyss.bff.mobile.screens.AccountScreen;
import com.cinemaabyss.bff.mobile.screens.BrowseScreen;
import com.cinemaabyss.bff.mobile.screens.DeviceClass;
import com.cinemaabyss.bff.mobile.screens.HomeScreen;
import com.cinemaabyss.bff.mobile.screens.TitleScreen;
import com.cinemaabyss.kit.web.Responses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

import java.util.function.Function;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/** The mobile/TV BFF's routes, each bound to its screen function (docs/bff-api.md). */
@Configuration(proxyBeanMethods = false)
public class MobileRoutes {

    public static final String HEALTH_PATH = "/api/mobile/health";
    static final int BROWSE_LIMIT = 20;

    @Bean
    RouterFunction<ServerResponse> mobileScreens(JsonMapper json, Function<OnDevice<Queries.Home>, HomeScreen> mobileHome,
                                                 Function<OnDevice<Queries.Browse>, BrowseScreen> mobileBrowse,
                                                 Function<OnDevice<Queries.Title>, TitleScreen> mobileTitle,
                                                 Function<OnDevice<Queries.Account>, AccountScreen> mobileAccount) {
        ScreenResponses answers = new ScreenResponses(json, HttpHeaders.AUTHORIZATION, DeviceClass.HEADER);
        return route()
                .GET(HEALTH_PATH, request -> Responses.healthy())
                .GET("/api/mobile/home", request -> {
                    DeviceClass device = device(request);
                    Forwarded caller = ScreenRequests.caller(request);
                    HomeScreen home = mobileHome.apply(new OnDevice<>(new Queries.Home(caller, ScreenRequests.id(request, "profile_id")), device));
                    return answers.answer(request, new Screens.Answer(home, home.degraded(), Caching.of(caller)));
                })
                .GET("/api/mobile/browse", request -> {
                    DeviceClass device = device(request);
                    Forwarded caller = ScreenRequests.caller(request);
                    BrowseScreen browse = mobileBrowse.apply(new OnDevice<>(
                            new Queries.Browse(caller, ScreenRequests.searchQuery(request, BROWSE_LIMIT)), device));
                    return answers.answer(request, new Screens.Answer(browse, browse.degraded(), Caching.PUBLIC));
                })
                .GET("/api/mobile/titles/{id}", request -> {
                    DeviceClass device = device(request);
                    Forwarded caller = ScreenRequests.caller(request);
                    TitleScreen title = mobileTitle.apply(new OnDevice<>(new Queries.Title(caller, ScreenRequests.pathId(request, "id"),
                            ScreenRequests.id(request, "profile_id"), ScreenRequests.id(request, "episode_id")), device));
                    return answers.answer(request, new Screens.Answer(title, title.degraded(), Caching.of(caller)));
                })
                .GET("/api/mobile/account", request -> {
                    DeviceClass device = device(request);
                    AccountScreen account = mobileAccount.apply(new OnDevice<>(new Queries.Account(ScreenRequests.signedIn(request)), device));
                    return answers.answer(request, new Screens.Answer(account, account.degraded(), Caching.PERSONAL));
                })
                .filter(Responses.jsonErrors())
                .build();
    }

    private static DeviceClass device(ServerRequest request) {
        return DeviceClass.of(request.headers().firstHeader(DeviceClass.HEADER));
    }
}
