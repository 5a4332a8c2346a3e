package com.cinemaabyss.kit.events;

/**
 * Kafka refused this one event for good (too large, a topic that cannot exist, not authorised): sending it again
 * will not help, unlike an {@link com.cinemaabyss.kit.core.UnavailableException}, after which it may.
 */
public class EventRejectedException extends RuntimeException {
    public EventRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
