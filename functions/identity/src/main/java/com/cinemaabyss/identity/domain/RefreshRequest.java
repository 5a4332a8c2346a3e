package com.cinemaabyss.identity.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** POST /api/auth/refresh and /api/auth/logout. */
public record RefreshRequest(@JsonProperty("refresh_token") String refreshToken) {

    public RefreshRequest {
        refreshToken = OpaqueToken.require(refreshToken, "refresh_token");
    }

    @Override
    public String toString() {
        return "RefreshRequest[...]";
    }
}
