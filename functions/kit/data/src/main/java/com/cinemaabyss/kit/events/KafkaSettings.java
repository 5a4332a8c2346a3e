package com.cinemaabyss.kit.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where Kafka is and how long a publish may wait for its acknowledgement before the caller is told 503.
 */
@ConfigurationProperties("cinemaabyss.kafka")
public record KafkaSettings(@DefaultValue("127.0.0.1:9092") String bootstrapServers,
                           @DefaultValue("5s") Duration publishTimeout) {
}
