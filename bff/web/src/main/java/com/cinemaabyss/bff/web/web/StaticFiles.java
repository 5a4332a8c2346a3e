package com.cinemaabyss.bff.web.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import java.time.Duration;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * The web client's files (src/main/resources/static): the page at {@code /} and {@code /index.html}, revalidated on
 * every load ({@code no-cache} with Last-Modified) so a new release shows at once; {@code /assets/**} kept 5 minutes
 * (their names carry no content hash, so not longer); the icon a day. Nothing else is served from the classpath.
 */
@Configuration(proxyBeanMethods = false)
public class StaticFiles implements WebMvcConfigurer {

    static final CacheControl PAGE = CacheControl.noCache();
    static final CacheControl ASSETS = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    static final CacheControl ICON = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/index.html").addResourceLocations("classpath:/static/").setCacheControl(PAGE);
        registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/").setCacheControl(ICON);
        registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/assets/").setCacheControl(ASSETS);
    }

    @Bean
    RouterFunction<ServerResponse> webClientPage() {
        Resource page = new ClassPathResource("static/index.html");
        return route().GET("/", request -> {
            if (!page.exists()) {
                return ServerResponse.notFound().build();
            }
            long modified = page.lastModified();
            if (request.checkNotModified(java.time.Instant.ofEpochMilli(modified)).isPresent()) {
                return ServerResponse.status(304).cacheControl(PAGE).build();
            }
            return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(PAGE)
                    .lastModified(java.time.Instant.ofEpochMilli(modified)).body(page);
        }).build();
    }
}
