package com.cinemaabyss.events.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import io.cloudevents.CloudEvent;

import java.util.List;

/**
 * CloudEvents an outside producer posted in one request: one in binary or structured mode, up to
 * {@value #MAX_EVENTS} in batch mode ({@code batch} is true, and errors name the event's index).
 */
public record IngressBatch(List<CloudEvent> events, boolean batch) {

    public static final int MAX_EVENTS = 100;

    public IngressBatch {
        if (events == null || events.isEmpty()) {
            throw new InvalidInputException("a batch must hold at least one CloudEvent");
        }
        if (events.size() > MAX_EVENTS) {
            throw new InvalidInputException("a batch may hold at most " + MAX_EVENTS + " CloudEvents, got " + events.size());
        }
        events = List.copyOf(events);
    }

    public static IngressBatch single(CloudEvent event) {
        return new IngressBatch(List.of(event), false);
    }

    /** How an error about the event at {@code index} begins: empty for a single event. */
    public String label(int index) {
        return batch ? "event [" + index + "]: " : "";
    }
}
