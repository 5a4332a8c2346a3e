package com.cinemaabyss.monolith.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

public record Subscription(long id,
                           @JsonProperty("user_id") long userId,
                           @JsonProperty("plan_type") String planType,
                           @JsonProperty("start_date") String startDate,
                           @JsonProperty("end_date") String endDate) {
}
