package com.cinemaabyss.kit.events;

/** Where Kafka stored an event, known only once the broker acknowledged it. */
public record PublishedEvent(String topic, int partition, long offset) {
}
