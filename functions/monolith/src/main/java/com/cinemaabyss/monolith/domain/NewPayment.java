package com.cinemaabyss.monolith.domain;

import com.cinemaabyss.kit.web.Checks;
import com.cinemaabyss.kit.web.InvalidRequestException;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

public record NewPayment(@JsonProperty("user_id") Long userId, BigDecimal amount) {

    public NewPayment {
        Checks.requirePositive(userId, "user_id");
        Checks.requireNonNegative(amount, "amount");
        if (amount.signum() == 0) {
            throw new InvalidRequestException("field 'amount' must be greater than 0");
        }
    }
}
