package com.cinemaabyss.notifications.providers;

/**
 * A push service or SMS provider did not take a message. {@link Kind#TRANSIENT}: may work later (5xx, 429, timeouts,
 * refused connections), retried with backoff and then left to the eventing layer; {@link Kind#PERMANENT}: will not
 * work (a 4xx), recorded; {@link Kind#GONE}: the push subscription no longer exists (404, 410), removed.
 */
public class ProviderFailure extends RuntimeException {

    public enum Kind { TRANSIENT, PERMANENT, GONE }

    private final Kind kind;

    public ProviderFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** A provider's answer status as a failure of a channel (push: 404 and 410 mean the subscription is gone). */
    static ProviderFailure of(String channel, int status, boolean goneMeansRemoved) {
        Kind kind = status == 429 || status >= 500 ? Kind.TRANSIENT
                : goneMeansRemoved && (status == 404 || status == 410) ? Kind.GONE : Kind.PERMANENT;
        return new ProviderFailure(kind, channel + " provider answered " + status, null);
    }
}
