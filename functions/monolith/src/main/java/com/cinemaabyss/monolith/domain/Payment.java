package com.cinemaabyss.monolith.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

public record Payment(long id, @JsonProperty("user_id") long userId, BigDecimal amount, String timestamp) {
}
