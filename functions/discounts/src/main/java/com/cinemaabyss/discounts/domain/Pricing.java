package com.cinemaabyss.discounts.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/**
 * The price of a plan for one user: the list price, then the promo code's discount, then points, each in integer
 * minor units. Points come last and never pay more than {@link LoyaltyRates#maxRedeemPercent()} % of what the promo
 * code left; a price brought to 0 by the code leaves the points alone.
 */
public final class Pricing {

    private Pricing() {
    }

    /** One line of the discounts: {@code promo} (with its code) or {@code points}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Discount(String kind, String code, long amount) {
    }

    /** The outcome: what is charged ({@code finalPrice}) and how many points that spends. */
    public record Breakdown(long listPrice, List<Discount> discounts, long finalPrice, long promoDiscount, long pointsUsed) {
        public Breakdown {
            discounts = List.copyOf(discounts);
        }
    }

    /**
     * @param promo  the code to apply, or null
     * @param points the points the user may spend (0 when they do not want to)
     */
    public static Breakdown price(long listPrice, String currency, PromoCode promo, long points, LoyaltyRates rates) {
        if (listPrice < 0) {
            throw new IllegalArgumentException("negative price " + listPrice);
        }
        List<Discount> discounts = new ArrayList<>();
        long promoDiscount = 0;
        if (promo != null) {
            promoDiscount = promo.discountOn(listPrice, currency);
            discounts.add(new Discount("promo", promo.code(), promoDiscount));
        }
        long left = listPrice - promoDiscount;
        long pointsUsed = Math.min(Math.max(points, 0), redeemable(left, rates));
        long pointsDiscount = pointsUsed * rates.minorUnitsPerPoint();
        if (pointsUsed > 0) {
            discounts.add(new Discount("points", null, pointsDiscount));
        }
        return new Breakdown(listPrice, discounts, left - pointsDiscount, promoDiscount, pointsUsed);
    }

    /** The most points that may go towards {@code price}: whole points only, within the redeemable share. */
    static long redeemable(long price, LoyaltyRates rates) {
        long cap = Math.multiplyExact(price, (long) rates.maxRedeemPercent()) / 100;
        return cap / rates.minorUnitsPerPoint();
    }
}
