package com.cinemaabyss.identity.web;

import com.cinemaabyss.identity.domain.SsoCallback;
import com.cinemaabyss.identity.domain.SsoRedirect;
import com.cinemaabyss.identity.domain.SsoStart;
import com.cinemaabyss.identity.domain.TokenPair;
import com.cinemaabyss.kit.web.Responses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.function.Function;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * Single sign-on routes. {@code authorize} redirects the browser to the provider (302), or answers the URL as JSON to a
 * client that asks for JSON (an app or a TV opens it itself); {@code callback} is where the provider sends the browser
 * back, and answers the session's tokens as {@code /api/auth/login} does. Nothing here is cached.
 */
@Configuration(proxyBeanMethods = false)
public class SsoRoutes {

    public static final String AUTHORIZE = "/api/auth/sso/{provider}/authorize";
    public static final String CALLBACK = "/api/auth/sso/{provider}/callback";

    @Bean
    RouterFunction<ServerResponse> ssoApi(Function<SsoStart, SsoRedirect> ssoAuthorize, Function<SsoCallback, TokenPair> ssoCallback) {
        return route()
                .GET(AUTHORIZE, request -> {
                    SsoRedirect redirect = ssoAuthorize.apply(new SsoStart(request.pathVariable("provider")));
                    if (wantsJson(request)) {
                        return ServerResponse.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON).body(redirect);
                    }
                    return ServerResponse.status(HttpStatus.FOUND).location(redirect.authorizationUrl()).cacheControl(CacheControl.noStore()).build();
                })
                .GET(CALLBACK, request -> ServerResponse.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(ssoCallback.apply(new SsoCallback(request.pathVariable("provider"), param(request, "code"), param(request, "state"),
                                param(request, "error"), param(request, "error_description")))))
                .filter(Responses.jsonErrors())
                .build();
    }

    /** Only an explicit application/json: a browser's Accept (HTML, or any type) gets the redirect. */
    static boolean wantsJson(ServerRequest request) {
        String accept = request.headers().firstHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.length() <= 1_024 && accept.toLowerCase(java.util.Locale.ROOT).contains(MediaType.APPLICATION_JSON_VALUE);
    }

    private static String param(ServerRequest request, String name) {
        return request.param(name).orElse(null);
    }
}
