package com.cinemaabyss.identity.domain;

import com.cinemaabyss.kit.core.Checks;

/** POST /api/auth/password-reset/request. Only bounded: an address that is no account gets the same answer. */
public record PasswordResetRequest(String email) {

    public PasswordResetRequest {
        email = Checks.maxLength(Checks.requireText(email, "email"), Email.MAX_LENGTH, "email");
    }
}
