package com.cinemaabyss.sandbox;

import java.util.Arrays;
import java.util.Optional;

/** The test card tokens the sandbox knows, and what a charge with each does. */
enum TestToken {
    /** Succeeds. */
    VISA("tok_visa", true, false, false),
    /** Declined: the charge fails with card_declined. */
    CHARGE_DECLINED("tok_chargeDeclined", false, false, false),
    /** Succeeds, but its webhook comes only after the sandbox's delay. */
    DELAYED("tok_delayed", true, true, false),
    /** Succeeds, and its webhook is delivered twice (the same event), as real providers sometimes do. */
    DUPLICATE_WEBHOOK("tok_duplicateWebhook", true, false, true);

    private final String token;
    private final boolean succeeds;
    private final boolean delayed;
    private final boolean duplicated;

    TestToken(String token, boolean succeeds, boolean delayed, boolean duplicated) {
        this.token = token;
        this.succeeds = succeeds;
        this.delayed = delayed;
        this.duplicated = duplicated;
    }

    static Optional<TestToken> named(String token) {
        return Arrays.stream(values()).filter(t -> t.token.equals(token)).findFirst();
    }

    boolean succeeds() {
        return succeeds;
    }

    boolean delayed() {
        return delayed;
    }

    boolean duplicated() {
        return duplicated;
    }
}
