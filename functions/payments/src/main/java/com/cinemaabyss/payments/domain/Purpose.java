package com.cinemaabyss.payments.domain;

import java.util.Locale;

/** What a payment is for: a checkout, a trial's zero-amount card verification, or a subscription's renewal. */
public enum Purpose {
    CHECKOUT, TRIAL, RENEWAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Purpose of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
