package com.cinemaabyss.kit.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where Kafka is and how long a publish may wait for its acknowledgement before the caller is told 503.
 * {@code linger} and {@code batchSize}: how long the producer holds a record so that concurrent publishes share a
 * produce request, and how many bytes one partition's batch may take (Kafka's linger.ms and batch.size).
 */
@ConfigurationProperties("cinemaabyss.kafka")
public record KafkaSettings(@DefaultValue("127.0.0.1:9092") String bootstrapServers,
                           @DefaultValue("5s") Duration publishTimeout,
                           @DefaultValue("1ms") Duration linger,
                           @DefaultValue("16384") int batchSize) {

    @ConstructorBinding
    public KafkaSettings {
    }

    /** With the producer's default linger (1 ms) and batch size (16 KiB). */
    public KafkaSettings(String bootstrapServers, Duration publishTimeout) {
        this(bootstrapServers, publishTimeout, Duration.ofMillis(1), 16_384);
    }
}
