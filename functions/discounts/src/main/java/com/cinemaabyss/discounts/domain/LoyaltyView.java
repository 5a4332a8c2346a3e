package com.cinemaabyss.discounts.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code GET /api/v1/loyalty/me}: the balance and the latest ledger entries, newest first. */
public record LoyaltyView(@JsonProperty("user_id") long userId, long balance, List<Entry> recent) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(long delta, String reason, @JsonProperty("payment_id") Long paymentId,
                        @JsonProperty("checkout_id") Long checkoutId, long balance, String at) {
    }
}
