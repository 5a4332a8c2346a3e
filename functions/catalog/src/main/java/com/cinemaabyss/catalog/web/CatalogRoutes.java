package com.cinemaabyss.catalog.web;

import com.cinemaabyss.kit.web.Responses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/** The catalog's own routes; the movie routes themselves come from the kit's MovieRoutes. */
@Configuration(proxyBeanMethods = false)
public class CatalogRoutes {

    @Bean
    RouterFunction<ServerResponse> catalogHealth() {
        return route().GET("/api/movies/health", request -> Responses.healthy()).build();
    }
}
