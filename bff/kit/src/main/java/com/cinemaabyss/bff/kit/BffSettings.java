package com.cinemaabyss.bff.kit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where each domain function is and how long a screen waits for it ({@code cinemaabyss.bff.*}). The names are the
 * {@link Sources}' dependency names; each BFF lists the ones its screens call.
 */
@ConfigurationProperties("cinemaabyss.bff")
public record BffSettings(@DefaultValue("300ms") Duration connectTimeout, Map<String, Dependency> dependencies) {

    static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);

    public BffSettings {
        dependencies = dependencies == null ? Map.of() : Map.copyOf(dependencies);
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("cinemaabyss.bff.connect-timeout must be positive");
        }
    }

    /** A function's base URL and the longest a screen waits for one of its answers (both required). */
    public record Dependency(URI url, Duration timeout) {

        public Dependency {
            if (url == null || url.getScheme() == null || url.getHost() == null) {
                throw new IllegalArgumentException("a dependency needs an absolute http(s) url");
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException("a dependency's timeout must be between 1 ms and " + MAX_TIMEOUT.toSeconds() + " s");
            }
        }
    }

    public Dependency dependency(String name) {
        Dependency dependency = dependencies.get(name);
        if (dependency == null) {
            throw new IllegalStateException("cinemaabyss.bff.dependencies." + name + " is not configured");
        }
        return dependency;
    }
}
