package com.cinemaabyss.kit.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long idempotency keys are kept ({@code ttl}, at least a day so that clients can retry late), and how long a
 * claim may stay in progress before a retry may take it over ({@code lockTimeout}: longer than any request runs,
 * so that only a request that died mid-way is overtaken).
 */
@ConfigurationProperties("cinemaabyss.idempotency")
public record IdempotencySettings(@DefaultValue("24h") Duration ttl, @DefaultValue("60s") Duration lockTimeout) {
}
