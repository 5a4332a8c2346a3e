package com.cinemaabyss.kit.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** Web plumbing every function app imports: JSON errors everywhere and a bound on request bodies. */
@Configuration(proxyBeanMethods = false)
@Import(JsonErrorAdvice.class)
@EnableConfigurationProperties(WebSettings.class)
public class WebKitConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(WebSettings settings) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(settings.maxBodyBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
