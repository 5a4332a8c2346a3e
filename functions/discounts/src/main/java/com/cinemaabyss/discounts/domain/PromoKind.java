package com.cinemaabyss.discounts.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.Locale;

/** A promo code takes a percentage off, or a fixed amount per currency. */
public enum PromoKind {
    PERCENT, FIXED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PromoKind of(String value) {
        if ("percent".equals(value)) {
            return PERCENT;
        }
        if ("fixed".equals(value)) {
            return FIXED;
        }
        throw new InvalidInputException("field 'kind' must be 'percent' or 'fixed'");
    }
}
