package com.cinemaabyss.gateway.web;

import com.cinemaabyss.gateway.domain.Backend;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The gateway's routes. Its own: {@code GET /health} (405 for other methods). The proxy's, any method:
 * {@code /api/movies} to the split, users, payments and subscriptions to the monolith, events to the events service,
 * {@code /api/auth} and the signing keys ({@code /.well-known/jwks.json}) to identity; the money path's
 * {@code /api/v1} routes to discounts (plans, promo codes, loyalty, quotes), payments (checkouts, payments and the
 * provider's webhooks) and subscriptions (subscriptions, entitlements); titles to the catalog, playback and licences to content,
 * and the viewer's own profiles, favourites, ratings, progress, continue-watching and history to profile, their
 * recommendations to recommendations, notification preferences and one-click unsubscribe to notifications; the screens of the web client ({@code /api/web}) and of the apps
 * ({@code /api/mobile}) to the web and mobile BFFs, and the web client's page and files to the web BFF. Who may call what is
 * {@link EdgeFilter}'s decision, before any route.
 * Nothing else is routed: a 404 in JSON.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayRoutes {

    private static final Map<String, Boolean> HEALTHY = Map.of("status", true);
    /** The web client's page and files, which the web BFF serves. */
    static final List<String> WEB_CLIENT_FILES = List.of("/", "/index.html", "/favicon.ico", "/assets/**");

    /**
     * The metrics label of a route table entry: its collection ({@code /api/v1/titles/**} is {@code titles},
     * {@code /api/v1/me/payments/**} is {@code me/payments}, {@code /api/movies/**} is {@code movies}), and one label,
     * {@code web-client}, for all of the web client's files. Labels come from the table, never from a request's path,
     * so their number is the table's.
     */
    static String label(String pattern) {
        if (WEB_CLIENT_FILES.contains(pattern)) {
            return "web-client";
        }
        String collection = pattern.endsWith("/**") ? pattern.substring(0, pattern.length() - 3) : pattern;
        for (String prefix : List.of("/api/v1/", "/api/", "/.well-known/")) {
            if (collection.startsWith(prefix)) {
                return collection.substring(prefix.length());
            }
        }
        return collection;
    }

    @Bean
    RouterFunction<ServerResponse> health() {
        return route()
                .GET("/health", request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(HEALTHY))
                .route(path("/health"), request -> Mono.error(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.GET))))
                .build();
    }

    /** A path pattern per collection, its sub-paths included. */
    @Bean
    SimpleUrlHandlerMapping proxyRoutes(ProxyHandler proxy) {
        Map<String, WebHandler> routes = new LinkedHashMap<>();
        routes.put("/api/movies/**", proxy.movies());
        WebHandler monolith = proxy.to(Backend.MONOLITH);
        routes.put("/api/users/**", monolith);
        routes.put("/api/payments/**", monolith);
        routes.put("/api/subscriptions/**", monolith);
        routes.put("/api/events/**", proxy.to(Backend.EVENTS));
        routes.put("/api/v1/dead-letters/**", proxy.to(Backend.EVENTS));
        WebHandler identity = proxy.to(Backend.IDENTITY);
        routes.put("/api/auth/**", identity);
        routes.put("/.well-known/jwks.json", identity);
        WebHandler discounts = proxy.to(Backend.DISCOUNTS);
        routes.put("/api/v1/plans/**", discounts);
        routes.put("/api/v1/promo-codes/**", discounts);
        routes.put("/api/v1/loyalty/**", discounts);
        routes.put("/api/v1/quotes/**", discounts);
        WebHandler payments = proxy.to(Backend.PAYMENTS);
        routes.put("/api/v1/checkouts/**", payments);
        routes.put("/api/v1/payments/**", payments);
        routes.put("/api/v1/me/payments/**", payments);
        WebHandler subscriptions = proxy.to(Backend.SUBSCRIPTIONS);
        routes.put("/api/v1/subscriptions/**", subscriptions);
        routes.put("/api/v1/entitlements/**", subscriptions);
        routes.put("/api/v1/titles/**", proxy.to(Backend.CATALOG));
        WebHandler content = proxy.to(Backend.CONTENT);
        routes.put("/api/v1/playback/**", content);
        routes.put("/api/v1/licences/**", content);
        WebHandler profile = proxy.to(Backend.PROFILE);
        for (String collection : new String[]{"profiles", "favorites", "ratings", "progress", "continue-watching", "history", "titles"}) {
            routes.put("/api/v1/me/" + collection + "/**", profile);
        }
        routes.put("/api/v1/me/recommendations/**", proxy.to(Backend.RECOMMENDATIONS));
        WebHandler notifications = proxy.to(Backend.NOTIFICATIONS);
        routes.put("/api/v1/me/notification-preferences/**", notifications);
        routes.put("/api/v1/notifications/unsubscribe", notifications);
        routes.put("/api/v1/campaigns/**", notifications);
        routes.put("/api/v1/me/push-subscriptions/**", notifications);
        WebHandler webBff = proxy.to(Backend.WEB_BFF);
        routes.put("/api/web/**", webBff);
        for (String file : WEB_CLIENT_FILES) {
            routes.put(file, webBff);
        }
        routes.put("/api/mobile/**", proxy.to(Backend.MOBILE_BFF));
        // First of all mappings: a proxied path is never one of Spring's own (actuator, router functions), so the
        // request skips matching against them.
        return new SimpleUrlHandlerMapping(routes, Ordered.HIGHEST_PRECEDENCE);
    }
}
