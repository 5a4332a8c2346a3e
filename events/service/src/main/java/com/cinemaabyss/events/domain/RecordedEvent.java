package com.cinemaabyss.events.domain;

/** The answer to a recorded event: where Kafka stored it, and the event as published. */
public record RecordedEvent(String status, int partition, long offset, EventView event) {

    public record EventView(String id, String type, String timestamp, Object payload) {
    }
}
