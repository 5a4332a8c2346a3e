package com.cinemaabyss.events.publish;

import com.cinemaabyss.contracts.EventTypes;

/**
 * The three kinds of event the service records: their CloudEvent type and the extension attribute each carries.
 * The topic is the contract's ({@link Contracts#of(String)}), as the AsyncAPI document says.
 */
public enum EventKind {
    MOVIE(EventTypes.MOVIE_EVENT, "action"),
    USER(EventTypes.USER_EVENT, "action"),
    PAYMENT(EventTypes.PAYMENT_EVENT, "status");

    private final String type;
    private final String extension;

    EventKind(String type, String extension) {
        this.type = type;
        this.extension = extension;
    }

    public String type() {
        return type;
    }

    /** The name of the extension attribute that lets subscribers filter without reading the data. */
    public String extension() {
        return extension;
    }
}
