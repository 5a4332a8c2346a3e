package com.cinemaabyss.monolith.domain;

import com.cinemaabyss.kit.core.Checks;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

public record NewPayment(@JsonProperty("user_id") Long userId, BigDecimal amount) {

    public NewPayment {
        Checks.requirePositive(userId, "user_id");
        Checks.requireNonNegative(amount, "amount");
        if (amount.signum() == 0) {
            throw new InvalidInputException("field 'amount' must be greater than 0");
        }
    }
}
