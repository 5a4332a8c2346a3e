package com.cinemaabyss.kit.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** Web plumbing every function app imports: JSON errors everywhere and a bound on request bodies. */
@Configuration(proxyBeanMethods = false)
@Import(JsonErrorAdvice.class)
public class WebKitConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${cinemaabyss.http.max-body-bytes:65536}") long maxBodyBytes) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBodyBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
