package com.cinemaabyss.gateway.web;

import com.cinemaabyss.gateway.domain.MigrationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Reading and changing the migration settings at runtime. Who may: {@link EdgeFilter}'s policy, before this route
 * (an access token with the admin role, or {@code Authorization: Bearer <GATEWAY_ADMIN_TOKEN>}); closed to
 * everyone else, and to the admin token too when none is configured.
 */
@Configuration(proxyBeanMethods = false)
public class AdminRoutes {

    private static final String PATH = "/admin/migration";

    @Bean
    RouterFunction<ServerResponse> migrationAdmin(JsonBodies bodies, Supplier<MigrationSettings> migrationSettings,
                                                  Function<MigrationSettings, MigrationSettings> updateMigration) {
        return route()
                .GET(PATH, request -> ok(migrationSettings.get()))
                .PUT(PATH, request -> bodies.read(request, MigrationSettings.class).map(updateMigration).flatMap(AdminRoutes::ok))
                .build()
                .and(route(path(PATH), request -> Mono.error(
                        new MethodNotAllowedException(request.method(), new LinkedHashSet<>(List.of(HttpMethod.GET, HttpMethod.PUT))))));
    }

    private static Mono<ServerResponse> ok(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}
