package com.cinemaabyss.gateway.web;

import com.cinemaabyss.gateway.domain.MigrationSettings;
import com.cinemaabyss.gateway.proxy.GatewaySettings;
import com.cinemaabyss.kit.core.ErrorBody;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Reading and changing the migration settings at runtime, with {@code Authorization: Bearer <GATEWAY_ADMIN_TOKEN>}.
 * Closed by default: without a configured token no request gets in.
 */
@Configuration(proxyBeanMethods = false)
public class AdminRoutes {

    private static final String PATH = "/admin/migration";

    @Bean
    RouterFunction<ServerResponse> migrationAdmin(GatewaySettings settings, JsonBodies bodies, Supplier<MigrationSettings> migrationSettings,
                                                  Function<MigrationSettings, MigrationSettings> updateMigration) {
        RouterFunction<ServerResponse> guarded = route()
                .GET(PATH, request -> ok(migrationSettings.get()))
                .PUT(PATH, request -> bodies.read(request, MigrationSettings.class).map(updateMigration).flatMap(AdminRoutes::ok))
                .filter((request, next) -> guard(request, settings.adminToken(), next))
                .build();
        return guarded.and(route(path(PATH),
                request -> Mono.error(new MethodNotAllowedException(request.method(), new LinkedHashSet<>(List.of(HttpMethod.GET, HttpMethod.PUT))))));
    }

    private static Mono<ServerResponse> ok(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static Mono<ServerResponse> guard(ServerRequest request, String token, HandlerFunction<ServerResponse> next) {
        if (token == null || token.isBlank()) {
            return ServerResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(new ErrorBody("admin routes are closed: no GATEWAY_ADMIN_TOKEN is configured"));
        }
        return authorized(request, token) ? next.handle(request) : unauthorized();
    }

    private static boolean authorized(ServerRequest request, String token) {
        String given = request.headers().firstHeader("Authorization");
        return given != null && MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
    }

    private static Mono<ServerResponse> unauthorized() {
        return ServerResponse.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
                .header("WWW-Authenticate", "Bearer")
                .bodyValue(new ErrorBody("admin routes need 'Authorization: Bearer <GATEWAY_ADMIN_TOKEN>'"));
    }
}
