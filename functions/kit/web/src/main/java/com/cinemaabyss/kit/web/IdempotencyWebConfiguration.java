package com.cinemaabyss.kit.web;

import com.cinemaabyss.kit.core.idempotency.IdempotencyStore;
import com.cinemaabyss.kit.web.auth.Callers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.util.function.Function;

/**
 * Idempotency keys on the public API ({@code /api/*}; not {@code /internal/*}) of a function app that has an
 * {@link IdempotencyStore} (kit-data's DynamoIdempotencyConfiguration). Import it next to {@link WebKitConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyWebConfiguration {

    /**
     * Keys are scoped to the caller: in an app that knows its callers ({@link Callers}), the user the verified access
     * token names, so one user's key never replays another user's answer and a retry with a refreshed token still
     * finds its own; anonymous requests (the legacy API) share one scope.
     */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ObjectProvider<Callers> callers) {
        Callers known = callers.getIfAvailable();
        Function<HttpServletRequest, String> scope = known == null ? request -> ""
                : request -> known.userIdOf(request.getHeader(HttpHeaders.AUTHORIZATION)).map(id -> "user:" + id).orElse("");
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, scope));
        registration.addUrlPatterns("/api/*");
        // After the body size limit, so the body read here is bounded.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
