package com.cinemaabyss.gateway.domain;

/** Where the gateway can send a request; the name is what the {@code X-Backend} response header says. */
public enum Backend {
    MONOLITH("monolith"),
    CATALOG("catalog"),
    EVENTS("events"),
    IDENTITY("identity"),
    DISCOUNTS("discounts"),
    PAYMENTS("payments"),
    SUBSCRIPTIONS("subscriptions"),
    CONTENT("content"),
    PROFILE("profile"),
    RECOMMENDATIONS("recommendations"),
    WEB_BFF("web-bff"),
    MOBILE_BFF("mobile-bff");

    private final String label;

    Backend(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
