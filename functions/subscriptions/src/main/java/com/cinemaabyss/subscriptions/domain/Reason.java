package com.cinemaabyss.subscriptions.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Why a subscription's status changed (subscription.status_changed's reason). */
public enum Reason {
    RENEWED, RENEWAL_FAILED, DUNNING_EXHAUSTED, CANCELED_BY_USER, REFUNDED, PERIOD_ENDED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
