package com.cinemaabyss.gateway.web;

import com.cinemaabyss.gateway.domain.MigrationSettings;
import com.cinemaabyss.gateway.proxy.GatewaySettings;
import com.cinemaabyss.kit.web.ErrorBody;
import com.cinemaabyss.kit.web.Requests;
import com.cinemaabyss.kit.web.Responses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * Reading and changing the migration settings at runtime, with {@code Authorization: Bearer <GATEWAY_ADMIN_TOKEN>}.
 * Closed by default: without a configured token no request gets in.
 */
@Configuration(proxyBeanMethods = false)
public class AdminRoutes {

    @Bean
    RouterFunction<ServerResponse> migrationAdmin(GatewaySettings settings, Supplier<MigrationSettings> migrationSettings,
                                                  Function<MigrationSettings, MigrationSettings> updateMigration) {
        return route()
                .GET("/admin/migration", request -> Responses.ok(migrationSettings.get()))
                .PUT("/admin/migration", request -> Responses.ok(updateMigration.apply(Requests.body(request, MigrationSettings.class))))
                .filter((request, next) -> guard(request, settings.adminToken(), next))
                .filter(Responses.jsonErrors())
                .build();
    }

    private static ServerResponse guard(ServerRequest request, String token, HandlerFunction<ServerResponse> next) throws Exception {
        if (token == null || token.isBlank()) {
            return ServerResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
                    .body(new ErrorBody("admin routes are closed: no GATEWAY_ADMIN_TOKEN is configured"));
        }
        return authorized(request, token) ? next.handle(request) : unauthorized();
    }

    private static boolean authorized(ServerRequest request, String token) {
        String given = request.headers().firstHeader("Authorization");
        return given != null && MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
    }

    private static ServerResponse unauthorized() {
        return ServerResponse.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
                .header("WWW-Authenticate", "Bearer")
                .body(new ErrorBody("admin routes need 'Authorization: Bearer <GATEWAY_ADMIN_TOKEN>'"));
    }
}
