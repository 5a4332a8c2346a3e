package com.cinemaabyss.discounts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** A stored price: what a checkout that names {@code quote_id} before {@code expires_at} is charged. */
public record Quote(@JsonProperty("quote_id") long quoteId, @JsonProperty("plan_id") String planId, String currency,
                    @JsonProperty("list_price") long listPrice, List<Pricing.Discount> discounts,
                    @JsonProperty("final_price") long finalPrice, @JsonProperty("expires_at") String expiresAt) {
}
