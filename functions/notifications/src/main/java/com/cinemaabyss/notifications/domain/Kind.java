package com.cinemaabyss.notifications.domain;

import java.util.Locale;

/**
 * What a notification is about; each has its templates ({@code templates/<kind>/<language>.{subject,txt,html}}).
 * Transactional ones (about the user's own account and money) are always sent; marketing ones follow the user's
 * preference and carry one-click unsubscribe.
 */
public enum Kind {
    WELCOME(false), VERIFY_EMAIL(false), PASSWORD_RESET(false), RECEIPT(false), PAYMENT_FAILED(false), REFUND(false),
    RENEWAL_UPCOMING(false),
    /** The campaign template: what is new on CinemaAbyss (marketing: follows the preference, carries one-click unsubscribe). */
    NEWS(true);

    private final boolean marketing;

    Kind(boolean marketing) {
        this.marketing = marketing;
    }

    public boolean marketing() {
        return marketing;
    }

    public static java.util.Optional<Kind> of(String code) {
        for (Kind kind : values()) {
            if (kind.code().equals(code)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
