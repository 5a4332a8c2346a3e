package com.cinemaabyss.discounts.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The body of {@code POST /api/v1/promo-codes}. {@code percent} (1 to 100) for a percent code, {@code amounts} (minor
 * units per currency) for a fixed one. Without {@code valid_from} it is valid at once, without {@code valid_until}
 * forever; without {@code plan_ids} on every plan. {@code max_uses} bounds the uses of everyone together,
 * {@code per_user_limit} (1 when absent) each user's.
 */
public record NewPromoCode(String code, String kind, Integer percent, Map<String, Long> amounts,
                           @JsonProperty("valid_from") String validFrom, @JsonProperty("valid_until") String validUntil,
                           @JsonProperty("plan_ids") List<String> planIds, @JsonProperty("max_uses") Long maxUses,
                           @JsonProperty("per_user_limit") Integer perUserLimit) {

    public static final long MAX_USES = 10_000_000L;
    public static final int MAX_PER_USER = 1_000;
    public static final int MAX_PLANS = 50;

    public NewPromoCode {
        code = PromoCodes.normalize(code, "code");
        PromoKind promoKind = PromoKind.of(kind);
        if (promoKind == PromoKind.PERCENT) {
            if (percent == null || percent < 1 || percent > 100) {
                throw new InvalidInputException("field 'percent' must be from 1 to 100 for a percent code");
            }
            if (amounts != null) {
                throw new InvalidInputException("field 'amounts' is for fixed codes; a percent code takes 'percent'");
            }
            amounts = Map.of();
        } else {
            if (percent != null) {
                throw new InvalidInputException("field 'percent' is for percent codes; a fixed code takes 'amounts'");
            }
            amounts = Money.perCurrency(amounts, 1, "amounts");
        }
        Instant from = Timestamps.optional(validFrom, "valid_from");
        Instant until = Timestamps.optional(validUntil, "valid_until");
        if (from != null && until != null && !until.isAfter(from)) {
            throw new InvalidInputException("field 'valid_until' must be after 'valid_from'");
        }
        validFrom = Timestamps.format(from);
        validUntil = Timestamps.format(until);
        if (planIds == null) {
            planIds = List.of();
        } else {
            if (planIds.size() > MAX_PLANS) {
                throw new InvalidInputException("field 'plan_ids' must have at most " + MAX_PLANS + " plans");
            }
            TreeSet<String> ids = new TreeSet<>();
            planIds.forEach(id -> ids.add(PlanIds.check(id, "plan_ids[]")));
            planIds = List.copyOf(ids);
        }
        if (maxUses == null || maxUses < 1 || maxUses > MAX_USES) {
            throw new InvalidInputException("field 'max_uses' is required, from 1 to " + MAX_USES);
        }
        perUserLimit = perUserLimit == null ? 1 : perUserLimit;
        if (perUserLimit < 1 || perUserLimit > MAX_PER_USER) {
            throw new InvalidInputException("field 'per_user_limit' must be from 1 to " + MAX_PER_USER);
        }
        kind = promoKind.wire();
    }

    public PromoCode toCode() {
        return new PromoCode(code, kind, percent, amounts, validFrom, validUntil, planIds, maxUses, perUserLimit, 0);
    }
}
