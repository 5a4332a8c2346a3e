package com.cinemaabyss.identity.domain;

/** POST /api/auth/verify-email: the token from the verification message. */
public record TokenSubmission(String token) {

    public TokenSubmission {
        token = OpaqueToken.require(token, "token");
    }

    @Override
    public String toString() {
        return "TokenSubmission[...]";
    }
}
