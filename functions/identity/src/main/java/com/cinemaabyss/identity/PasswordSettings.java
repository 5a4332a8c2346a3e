package com.cinemaabyss.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Argon2id's cost ({@code memoryKib}, {@code iterations}, {@code parallelism}; chosen from a measurement, see the
 * README) and how many hashes may run at once ({@code maxConcurrent}: each holds {@code memoryKib} of memory and a
 * core, so the bound keeps a burst of logins from exhausting either). A hash that waits longer than
 * {@code queueTimeout} for its turn is answered 503.
 */
@ConfigurationProperties("cinemaabyss.identity.argon2")
public record PasswordSettings(@DefaultValue("19456") int memoryKib, @DefaultValue("2") int iterations,
                               @DefaultValue("1") int parallelism, @DefaultValue("2") int maxConcurrent,
                               @DefaultValue("5s") Duration queueTimeout) {
}
