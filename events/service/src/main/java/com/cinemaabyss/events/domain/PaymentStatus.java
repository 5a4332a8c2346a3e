package com.cinemaabyss.events.domain;

/** A payment's outcome: {@link PaymentEvent#status()}. */
public enum PaymentStatus implements KnownValue {
    PENDING, COMPLETED, FAILED, REFUNDED, CANCELLED
}
