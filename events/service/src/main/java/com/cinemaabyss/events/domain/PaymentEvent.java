package com.cinemaabyss.events.domain;

import com.cinemaabyss.kit.core.Checks;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/** A payment's outcome as the payment provider reported it ({@link PaymentStatus}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentEvent(@JsonProperty("payment_id") Long paymentId, @JsonProperty("user_id") Long userId,
                           BigDecimal amount, String status, String timestamp,
                           @JsonProperty("method_type") String methodType) {

    public PaymentEvent {
        Checks.requirePositive(paymentId, "payment_id");
        Checks.requirePositive(userId, "user_id");
        Checks.requireNonNegative(amount, "amount");
        status = KnownValue.require(status, PaymentStatus.class, "status");
        timestamp = Timestamps.requireIso(timestamp, "timestamp");
        methodType = Checks.maxLength(methodType, 50, "method_type");
    }
}
