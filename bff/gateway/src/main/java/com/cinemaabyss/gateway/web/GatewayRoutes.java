package com.cinemaabyss.gateway.web;

import com.cinemaabyss.gateway.domain.Backend;
import com.cinemaabyss.gateway.domain.RoutingRequest;
import com.cinemaabyss.gateway.proxy.BackendUnavailableException;
import com.cinemaabyss.gateway.proxy.GatewayMetrics;
import com.cinemaabyss.gateway.proxy.GatewaySettings;
import com.cinemaabyss.gateway.proxy.HttpForwarder;
import com.cinemaabyss.gateway.proxy.IncomingRequest;
import com.cinemaabyss.gateway.proxy.CatalogRoute;
import com.cinemaabyss.gateway.proxy.RouteDecision;
import com.cinemaabyss.gateway.proxy.UpstreamFailure;
import com.cinemaabyss.gateway.proxy.UpstreamResponse;
import com.cinemaabyss.kit.web.ErrorBody;
import com.cinemaabyss.kit.web.Responses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.net.URI;
import java.util.function.Function;

import static org.springframework.web.servlet.function.RequestPredicates.path;
import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * The gateway's proxy routes. Movies go where the migration split says (with the breaker and fallback);
 * users, payments and subscriptions stay on the monolith; events go to the events service. Every answer
 * says which backend gave it ({@code X-Backend}) and is counted.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayRoutes {

    private final GatewaySettings settings;
    private final HttpForwarder forwarder;
    private final CatalogRoute catalogRoute;
    private final GatewayMetrics metrics;

    public GatewayRoutes(GatewaySettings settings, HttpForwarder forwarder, CatalogRoute catalogRoute, GatewayMetrics metrics) {
        this.settings = settings;
        this.forwarder = forwarder;
        this.catalogRoute = catalogRoute;
        this.metrics = metrics;
    }

    @Bean
    RouterFunction<ServerResponse> gatewayApi(Function<RoutingRequest, Backend> chooseMoviesBackend) {
        return route()
                .GET("/health", request -> Responses.healthy())
                .route(collection("movies"), request -> movies(IncomingRequest.of(request), chooseMoviesBackend))
                .route(collection("users").or(collection("payments")).or(collection("subscriptions")), to(Backend.MONOLITH))
                .route(collection("events"), to(Backend.EVENTS))
                .filter(Responses.jsonErrors())
                .filter(this::unavailableAsJson)
                .build();
    }

    private ServerResponse movies(IncomingRequest incoming, Function<RoutingRequest, Backend> chooseMoviesBackend) {
        if (chooseMoviesBackend.apply(new RoutingRequest(incoming.header("X-User-Id"))) == Backend.MONOLITH) {
            return answer(incoming, plain(incoming, Backend.MONOLITH));
        }
        return answer(incoming, catalogRoute.call(incoming,
                () -> forwarder.forward(incoming, settings.catalogUrl(), settings.catalogTimeout()),
                () -> send(incoming, Backend.MONOLITH)));
    }

    private HandlerFunction<ServerResponse> to(Backend backend) {
        return request -> {
            IncomingRequest incoming = IncomingRequest.of(request);
            return answer(incoming, plain(incoming, backend));
        };
    }

    private RouteDecision plain(IncomingRequest incoming, Backend backend) {
        return RouteDecision.answered(backend, send(incoming, backend));
    }

    private UpstreamResponse send(IncomingRequest incoming, Backend backend) {
        try {
            return forwarder.forward(incoming, upstream(backend), settings.upstreamTimeout());
        } catch (UpstreamFailure failure) {
            throw BackendUnavailableException.of(backend, failure);
        }
    }

    private URI upstream(Backend backend) {
        return switch (backend) {
            case MONOLITH -> settings.monolithUrl();
            case CATALOG -> settings.catalogUrl();
            case EVENTS -> settings.eventsUrl();
        };
    }

    private ServerResponse answer(IncomingRequest incoming, RouteDecision decision) {
        UpstreamResponse response = decision.response();
        metrics.request(routeLabel(incoming.rawPath()), decision.backend(), response.status());
        ServerResponse.BodyBuilder builder = ServerResponse.status(response.status());
        response.headers().forEach((name, values) -> builder.header(name, values.toArray(String[]::new)));
        builder.headers(headers -> headers.set("X-Backend", decision.backend().label()));
        if (decision.fallback()) {
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

    private ServerResponse unavailableAsJson(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        try {
            return next.handle(request);
        } catch (BackendUnavailableException e) {
            metrics.request(routeLabel(request.path()), e.backend(), e.status());
            return ServerResponse.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                    .header("X-Backend", e.backend().label())
                    .body(new ErrorBody(e.getMessage()));
        }
    }

    private static RequestPredicate collection(String name) {
        return path("/api/" + name).or(path("/api/" + name + "/**"));
    }

    private static String routeLabel(String path) {
        String[] parts = path.split("/");
        return parts.length > 2 ? parts[2] : "other";
    }
}
