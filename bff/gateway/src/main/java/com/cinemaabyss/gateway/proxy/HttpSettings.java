package com.cinemaabyss.gateway.proxy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code cinemaabyss.http.*}: the largest request body the gateway passes on, as every function app has it. */
@ConfigurationProperties("cinemaabyss.http")
public record HttpSettings(int maxBodyBytes) {
}
