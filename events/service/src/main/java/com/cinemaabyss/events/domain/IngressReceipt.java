package com.cinemaabyss.events.domain;

import java.util.List;

/** The answer to posted CloudEvents, in the order they came: where Kafka holds each one. */
public record IngressReceipt(List<Accepted> events) {

    public IngressReceipt {
        events = List.copyOf(events);
    }

    /**
     * One event as Kafka acknowledged it; {@code duplicate} when its source and id had been accepted before, and
     * the coordinates are those of that first time.
     */
    public record Accepted(String id, String source, String type, String topic, int partition, long offset,
                           boolean duplicate) {
    }
}
