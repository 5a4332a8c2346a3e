package com.cinemaabyss.kit.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How often the outbox relay looks for events a failed publish left behind (each write also wakes it at once), and
 * how many times an event Kafka refuses is tried before it is parked.
 */
@ConfigurationProperties("cinemaabyss.outbox")
public record OutboxSettings(@DefaultValue("1s") Duration sweepInterval, @DefaultValue("5") int maxAttempts) {
}
