package com.cinemaabyss.discounts.domain;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Currency;

/**
 * The loyalty programme's rates. Earning: {@code pointsPerUnit} points per whole unit of the currency paid (cents
 * below a unit earn nothing). Redeeming: each point takes {@code minorUnitsPerPoint} minor units off, and points never
 * pay more than {@code maxRedeemPercent} % of the price left after any promo code. {@code recentEntries}: how much of
 * the ledger {@code GET /api/v1/loyalty/me} shows.
 */
public record LoyaltyRates(@DefaultValue("1") long pointsPerUnit, @DefaultValue("1") long minorUnitsPerPoint,
                           @DefaultValue("50") int maxRedeemPercent, @DefaultValue("20") int recentEntries) {

    public LoyaltyRates {
        if (pointsPerUnit < 0 || pointsPerUnit > 1_000) {
            throw new IllegalArgumentException("loyalty points-per-unit must be from 0 to 1000, got " + pointsPerUnit);
        }
        if (minorUnitsPerPoint < 1 || minorUnitsPerPoint > 1_000) {
            throw new IllegalArgumentException("loyalty minor-units-per-point must be from 1 to 1000, got " + minorUnitsPerPoint);
        }
        if (maxRedeemPercent < 0 || maxRedeemPercent > 100) {
            throw new IllegalArgumentException("loyalty max-redeem-percent must be from 0 to 100, got " + maxRedeemPercent);
        }
        if (recentEntries < 1 || recentEntries > 100) {
            throw new IllegalArgumentException("loyalty recent-entries must be from 1 to 100, got " + recentEntries);
        }
    }

    /** Points a payment of {@code amount} minor units of {@code currency} earns. */
    public long earned(long amount, String currency) {
        if (amount <= 0) {
            return 0;
        }
        return amount / minorUnitsPerUnit(currency) * pointsPerUnit;
    }

    /** Minor units in one unit of the currency (100 for EUR, 1 for JPY); 100 for a code the JDK does not know. */
    static long minorUnitsPerUnit(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits <= 0 ? 1 : (long) Math.pow(10, digits);
        } catch (IllegalArgumentException unknown) {
            return 100;
        }
    }
}
