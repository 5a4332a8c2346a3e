package com.cinemaabyss.payments.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

/** POST /api/v1/payments/{id}/refunds: how much to give back, in minor units; everything not yet refunded when absent. */
public record NewRefund(Long amount) {

    public static final long MAX_AMOUNT = 99_999_999;

    public NewRefund {
        if (amount != null && (amount < 1 || amount > MAX_AMOUNT)) {
            throw new InvalidInputException("field 'amount' must be an integer from 1 to " + MAX_AMOUNT + " (minor units), got " + amount);
        }
    }
}
