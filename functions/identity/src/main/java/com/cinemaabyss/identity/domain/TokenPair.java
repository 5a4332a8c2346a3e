package com.cinemaabyss.identity.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a login or a refresh answers: a short-lived access token and the refresh token that continues the session. */
public record TokenPair(@JsonProperty("access_token") String accessToken, @JsonProperty("refresh_token") String refreshToken,
                        @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {

    public static TokenPair bearer(String accessToken, String refreshToken, long expiresIn) {
        return new TokenPair(accessToken, refreshToken, "Bearer", expiresIn);
    }
}
