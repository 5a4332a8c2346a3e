package com.cinemaabyss.payments.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Data of discounts' quote.confirmed, checked against its contract before it is read; fields a later
 * version of the contract adds are left unread.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuoteConfirmed(@JsonProperty("checkout_id") long checkoutId, @JsonProperty("payment_id") long paymentId,
                             @JsonProperty("user_id") long userId, @JsonProperty("quote_id") long quoteId,
                             @JsonProperty("plan_id") String planId, String period, @JsonProperty("max_profiles") int maxProfiles,
                             @JsonProperty("trial_days") int trialDays, @JsonProperty("list_price") long listPrice, long amount,
                             String currency, @JsonProperty("promo_code") String promoCode,
                             @JsonProperty("points_used") long pointsUsed) {
}
