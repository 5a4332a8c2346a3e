package com.cinemaabyss.subscriptions.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a subscription is in its life. Only trialing and active give access, and only until period_end. */
public enum Status {
    TRIALING, ACTIVE, PAST_DUE, CANCELED, EXPIRED;

    /** Still running: a payment, the tick or the user can move it on. Canceled and expired are final. */
    public boolean live() {
        return this == TRIALING || this == ACTIVE || this == PAST_DUE;
    }

    public boolean grantsAccess() {
        return this == TRIALING || this == ACTIVE;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
