package com.cinemaabyss.discounts.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A promo code as stored and shown; {@code uses} counts the reserved and redeemed uses (released ones are given back). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromoCode(String code, String kind, Integer percent, Map<String, Long> amounts,
                        @JsonProperty("valid_from") String validFrom, @JsonProperty("valid_until") String validUntil,
                        @JsonProperty("plan_ids") List<String> planIds, @JsonProperty("max_uses") long maxUses,
                        @JsonProperty("per_user_limit") int perUserLimit, long uses) {

    public PromoCode {
        amounts = amounts == null ? Map.of() : Map.copyOf(amounts);
        planIds = planIds == null ? List.of() : List.copyOf(planIds);
    }

    public boolean appliesTo(String planId) {
        return planIds.isEmpty() || planIds.contains(planId);
    }

    /**
     * What the code takes off {@code price} minor units of {@code currency}: a percentage rounded half up to the minor
     * unit, or the fixed amount; never more than the price.
     */
    public long discountOn(long price, String currency) {
        long discount;
        if (PromoKind.PERCENT.wire().equals(kind)) {
            discount = Math.addExact(Math.multiplyExact(price, (long) percent), 50) / 100;
        } else {
            Long fixed = amounts.get(currency);
            if (fixed == null) {
                throw new InvalidInputException("promo code " + code + " takes no amount off in " + currency);
            }
            discount = fixed;
        }
        return Math.min(discount, price);
    }

    /**
     * Whether it can be used at {@code now} by a user who has used it {@code userUses} times already: the window, the
     * global limit, the user's limit, in that order.
     */
    public Optional<Rejection> refusal(Instant now, long userUses) {
        if (validFrom != null && now.isBefore(Instant.parse(validFrom))) {
            return Optional.of(new Rejection(Rejection.Reason.PROMO_EXPIRED, "promo code " + code + " is not valid before " + validFrom));
        }
        if (validUntil != null && !now.isBefore(Instant.parse(validUntil))) {
            return Optional.of(new Rejection(Rejection.Reason.PROMO_EXPIRED, "promo code " + code + " expired at " + validUntil));
        }
        if (uses >= maxUses) {
            return Optional.of(new Rejection(Rejection.Reason.PROMO_EXHAUSTED, "promo code " + code + " has been used all its " + maxUses + " times"));
        }
        if (userUses >= perUserLimit) {
            return Optional.of(new Rejection(Rejection.Reason.PROMO_USER_LIMIT_REACHED,
                    "promo code " + code + " can be used " + perUserLimit + " time(s) per user, and this user has"));
        }
        return Optional.empty();
    }
}
