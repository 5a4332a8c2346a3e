package com.cinemaabyss.bff.web;

import com.cinemaabyss.bff.domain.Backend;
import com.cinemaabyss.bff.domain.MigrationSettings;
import com.cinemaabyss.bff.domain.RoutingRequest;
import com.cinemaabyss.bff.proxy.GatewayMetrics;
import com.cinemaabyss.bff.proxy.GatewaySettings;
import com.cinemaabyss.bff.proxy.HttpForwarder;
import com.cinemaabyss.bff.proxy.IncomingRequest;
import com.cinemaabyss.bff.proxy.MoviesRoute;
import com.cinemaabyss.bff.proxy.UpstreamFailure;
import com.cinemaabyss.bff.proxy.UpstreamResponse;
import com.cinemaabyss.kit.web.ErrorBody;
import com.cinemaabyss.kit.web.Requests;
import com.cinemaabyss.kit.web.Responses;
import com.cinemaabyss.kit.web.UnavailableException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.springframework.web.servlet.function.RequestPredicates.path;
import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * The gateway's routes. Movies go where the migration split says (with the breaker and fallback); users,
 * payments and subscriptions stay on the monolith; events go to the events service.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayRoutes {

    private final GatewaySettings settings;
    private final HttpForwarder forwarder;
    private final MoviesRoute moviesRoute;
    private final GatewayMetrics metrics;

    public GatewayRoutes(GatewaySettings settings, HttpForwarder forwarder, MoviesRoute moviesRoute, GatewayMetrics metrics) {
        this.settings = settings;
        this.forwarder = forwarder;
        this.moviesRoute = moviesRoute;
        this.metrics = metrics;
    }

    @Bean
    RouterFunction<ServerResponse> gatewayApi(Function<RoutingRequest, Backend> chooseMoviesBackend,
                                              Supplier<MigrationSettings> migrationSettings,
                                              Function<MigrationSettings, MigrationSettings> updateMigration) {
        return route()
                .GET("/health", request -> Responses.healthy())
                .GET("/admin/migration", request -> authorized(request, () -> Responses.ok(migrationSettings.get())))
                .PUT("/admin/migration", request -> authorized(request,
                        () -> Responses.ok(updateMigration.apply(Requests.body(request, MigrationSettings.class)))))
                .route(collection("movies"), request -> movies(request, chooseMoviesBackend))
                .route(collection("users").or(collection("payments")).or(collection("subscriptions")),
                        request -> plain(request, Backend.MONOLITH, settings.monolithUrl()))
                .route(collection("events"), request -> plain(request, Backend.EVENTS, settings.eventsUrl()))
                .filter(Responses.jsonErrors())
                .build();
    }

    private ServerResponse movies(ServerRequest request, Function<RoutingRequest, Backend> chooseMoviesBackend) {
        IncomingRequest incoming = IncomingRequest.of(request);
        Backend chosen = chooseMoviesBackend.apply(new RoutingRequest(incoming.header("X-User-Id")));
        if (chosen == Backend.MONOLITH) {
            return answer(incoming, Backend.MONOLITH, send(incoming, settings.monolithUrl(), settings.upstreamTimeout()), false);
        }
        MoviesRoute.Routed routed = moviesRoute.call(incoming,
                () -> forwarder.forward(incoming, settings.moviesUrl(), settings.moviesTimeout()),
                () -> send(incoming, settings.monolithUrl(), settings.upstreamTimeout()));
        return answer(incoming, routed.backend(), routed.response(), routed.fallback());
    }

    private ServerResponse plain(ServerRequest request, Backend backend, URI upstream) {
        IncomingRequest incoming = IncomingRequest.of(request);
        return answer(incoming, backend, send(incoming, upstream, settings.upstreamTimeout()), false);
    }

    private UpstreamResponse send(IncomingRequest incoming, URI upstream, Duration timeout) {
        try {
            return forwarder.forward(incoming, upstream, timeout);
        } catch (UpstreamFailure failure) {
            throw new UnavailableException("upstream unavailable: " + failure.getMessage(), failure);
        }
    }

    private ServerResponse answer(IncomingRequest incoming, Backend backend, UpstreamResponse response, boolean fallback) {
        metrics.request(routeLabel(incoming.rawPath()), backend, response.status());
        ServerResponse.BodyBuilder builder = ServerResponse.status(response.status());
        response.headers().forEach((name, values) -> builder.header(name, values.toArray(String[]::new)));
        builder.header("X-Backend", backend.label());
        if (fallback) {
            builder.header("X-Fallback", "true");
        }
        byte[] body = response.body();
        return builder.build((servletRequest, servletResponse) -> {
            if (body.length > 0 && !"HEAD".equals(incoming.method())) {
                servletResponse.getOutputStream().write(body);
            }
            return null;
        });
    }

    private ServerResponse authorized(ServerRequest request, Supplier<ServerResponse> action) {
        String token = settings.adminToken();
        if (token != null && !token.isBlank()
                && !("Bearer " + token).equals(request.headers().firstHeader("Authorization"))) {
            return ServerResponse.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
                    .body(new ErrorBody("admin routes need 'Authorization: Bearer <GATEWAY_ADMIN_TOKEN>'"));
        }
        return action.get();
    }

    private static RequestPredicate collection(String name) {
        return path("/api/" + name).or(path("/api/" + name + "/**"));
    }

    private static String routeLabel(String path) {
        String[] parts = path.split("/");
        return parts.length > 2 ? parts[2] : "other";
    }
}
