package com.cinemaabyss.identity.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** An account as its owner (GET /api/auth/me) and admins see it. */
public record UserView(@JsonProperty("user_id") long userId, String email, String username, List<String> roles,
                       @JsonProperty("email_verified") boolean emailVerified) {
}
