package com.cinemaabyss.kit.web;

import com.cinemaabyss.kit.core.idempotency.IdempotencyStore;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Idempotency keys on the public API ({@code /api/*}; not {@code /internal/*}) of a function app that has an
 * {@link IdempotencyStore} (kit-data's DynamoIdempotencyConfiguration). Import it next to {@link WebKitConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyWebConfiguration {

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store) {
        // No caller identity yet: every key shares one scope. Scope by the authenticated caller once there is one.
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, request -> ""));
        registration.addUrlPatterns("/api/*");
        // After the body size limit, so the body read here is bounded.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
