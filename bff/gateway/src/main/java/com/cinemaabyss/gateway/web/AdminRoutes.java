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
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/** Reading and changing the migration settings at runtime; guarded by GATEWAY_ADMIN_TOKEN when it is set. */
@Configuration(proxyBeanMethods = false)
public class AdminRoutes {

    @Bean
    RouterFunction<ServerResponse> migrationAdmin(GatewaySettings settings, Supplier<MigrationSettings> migrationSettings,
                                                  Function<MigrationSettings, MigrationSettings> updateMigration) {
        return route()
                .GET("/admin/migration", request -> Responses.ok(migrationSettings.get()))
                .PUT("/admin/migration", request -> Responses.ok(updateMigration.apply(Requests.body(request, MigrationSettings.class))))
                .filter((request, next) -> authorized(request, settings.adminToken()) ? next.handle(request) : unauthorized())
                .filter(Responses.jsonErrors())
                .build();
    }

    private static boolean authorized(ServerRequest request, String token) {
        if (token == null || token.isBlank()) {
            return true;
        }
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
