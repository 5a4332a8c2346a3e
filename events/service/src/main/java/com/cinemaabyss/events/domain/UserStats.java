package com.cinemaabyss.events.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the consumers aggregated for one account: its failed payments, a fraud signal. */
public record UserStats(@JsonProperty("user_id") long userId, @JsonProperty("failed_payments") long failedPayments) {
}
