package com.cinemaabyss.payments.domain;

import java.util.Locale;

/** A payment's life: pending until the provider tells, then succeeded or failed; refunds follow a success. */
public enum PaymentStatus {
    PENDING, SUCCEEDED, FAILED, REFUNDED, PARTIALLY_REFUNDED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentStatus of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
