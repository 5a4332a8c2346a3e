package com.cinemaabyss.events.domain;

import com.cinemaabyss.kit.core.Checks;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Something that happened to an account ({@link UserAction}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserEvent(@JsonProperty("user_id") Long userId, String username, String email, String action, String timestamp) {

    public UserEvent {
        Checks.requirePositive(userId, "user_id");
        username = Checks.maxLength(username, 100, "username");
        email = Checks.maxLength(email, 254, "email");
        action = KnownValue.require(action, UserAction.class, "action");
        timestamp = Timestamps.requireIso(timestamp, "timestamp");
    }
}
