package com.cinemaabyss.kit.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.web.servlet.function.RequestPredicates.GET;
import static org.springframework.web.servlet.function.RequestPredicates.method;
import static org.springframework.web.servlet.function.RequestPredicates.path;
import static org.springframework.web.servlet.function.RouterFunctions.route;

class RouteTableTest {

    private static final RouterFunction<ServerResponse> ROUTES = route()
            .add(CollectionRoutes.at("/api/users", Object.class).build())
            .path("/api/things", things -> things
                    .GET("/{id}", request -> ServerResponse.ok().build())
                    .DELETE("/{id}", request -> ServerResponse.ok().build()))
            .route(path("/either").and(GET("/either").or(method(HttpMethod.PUT))), request -> ServerResponse.ok().build())
            .route(path("/anything"), request -> ServerResponse.ok().build())
            .build();

    private final RouteTable table = RouteTable.of(List.of(ROUTES));

    @Test
    void knownPathsListTheirMethods() {
        assertEquals(Set.of(HttpMethod.GET, HttpMethod.POST), allowed("/api/users"));
        assertEquals(Set.of(HttpMethod.GET, HttpMethod.DELETE), allowed("/api/things/7"));
        assertEquals(Set.of(HttpMethod.GET, HttpMethod.PUT), allowed("/either"));
        assertEquals(List.of(HttpMethod.GET, HttpMethod.POST), List.copyOf(allowed("/api/users")));
    }

    @Test
    void unknownPathsAndAnyMethodRoutesAllowNothingInParticular() {
        assertEquals(Set.of(), allowed("/api/nothing"));
        assertEquals(Set.of(), allowed("/api/things"));
        assertEquals(Set.of(), allowed("/anything"));
    }

    private Set<HttpMethod> allowed(String path) {
        return table.allowedMethods(PathContainer.parsePath(path));
    }
}
