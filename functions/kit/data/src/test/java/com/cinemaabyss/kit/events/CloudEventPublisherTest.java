package com.cinemaabyss.kit.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CloudEventPublisherTest {

    @Test
    void aLingerFitsWithinThePublishTimeout() {
        // Kafka refuses a producer whose delivery timeout is below linger + request timeout; the publish timeout
        // stays the whole bound, so the request timeout makes room for the linger. Nothing is sent: no broker needed.
        KafkaSettings settings = new KafkaSettings("127.0.0.1:1", Duration.ofSeconds(3), Duration.ofMillis(5), 32_768);
        try (CloudEventPublisher publisher = new CloudEventPublisher(settings)) {
            assertEquals(Duration.ofMillis(5), settings.linger());
        }
    }

    @Test
    void theShortFormKeepsTheProducersDefaults() {
        KafkaSettings settings = new KafkaSettings("127.0.0.1:1", Duration.ofSeconds(5));
        assertEquals(Duration.ofMillis(1), settings.linger());
        assertEquals(16_384, settings.batchSize());
    }
}
