package com.cinemaabyss.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rate limiter as a bean, for whichever HTTP server runs the gateway: it calls {@link RateLimiter#check}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RateLimitSettings.class, GatewayDynamoSettings.class})
public class RateLimitConfiguration {

    @Bean(destroyMethod = "close")
    RateLimitStorage rateLimitStorage(RateLimitSettings settings, GatewayDynamoSettings dynamo) {
        return new RateLimitStorage(settings, dynamo);
    }

    @Bean
    RateLimiter rateLimiter(RateLimitSettings settings, RateLimitStorage storage) {
        return new RateLimiter(settings, storage.store());
    }
}
