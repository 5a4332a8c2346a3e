package com.cinemaabyss.events.publish;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;

/** The three kinds of event the service records: where each goes and which CloudEvent extension it carries. */
public enum EventKind {
    MOVIE(Topics.MOVIE_EVENTS, EventTypes.MOVIE_EVENT, "action"),
    USER(Topics.USER_EVENTS, EventTypes.USER_EVENT, "action"),
    PAYMENT(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_EVENT, "status");

    private final String topic;
    private final String type;
    private final String extension;

    EventKind(String topic, String type, String extension) {
        this.topic = topic;
        this.type = type;
        this.extension = extension;
    }

    public String topic() {
        return topic;
    }

    public String type() {
        return type;
    }

    /** The name of the extension attribute that lets subscribers filter without reading the data. */
    public String extension() {
        return extension;
    }
}
