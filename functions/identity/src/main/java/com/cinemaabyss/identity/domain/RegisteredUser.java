package com.cinemaabyss.identity.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to a registration. */
public record RegisteredUser(@JsonProperty("user_id") long userId, String email, String username) {
}
