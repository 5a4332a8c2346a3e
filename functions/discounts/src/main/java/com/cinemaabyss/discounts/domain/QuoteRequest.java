package com.cinemaabyss.discounts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /api/v1/quotes}. {@code use_points}: spend loyalty points (as many as the rates allow);
 * {@code currency}: one the plan is priced in, its first (alphabetically) when absent.
 */
public record QuoteRequest(@JsonProperty("plan_id") String planId, @JsonProperty("promo_code") String promoCode,
                           @JsonProperty("use_points") Boolean usePoints, String currency) {

    public QuoteRequest {
        planId = PlanIds.check(planId, "plan_id");
        promoCode = promoCode == null ? null : PromoCodes.normalize(promoCode, "promo_code");
        usePoints = usePoints != null && usePoints;
        currency = currency == null ? null : Money.currency(currency, "currency");
    }

    /** The request of user {@code userId}: what the quote function takes. */
    public Order by(long userId) {
        return new Order(userId, this);
    }

    public record Order(long userId, QuoteRequest request) {
    }
}
