package com.cinemaabyss.monolith.domain;

import com.cinemaabyss.kit.core.Checks;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/** A payment request; the amount stays a decimal (the legacy shape, {@code 9.99}) and is bounded before anything else reads it. */
public record NewPayment(@JsonProperty("user_id") Long userId, BigDecimal amount) {

    public NewPayment {
        Checks.requirePositive(userId, "user_id");
        Checks.money(amount, "amount");
    }
}
