package com.cinemaabyss.identity.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** POST /api/auth/password-reset: the token from the reset message and the new password (checked against the policy with the account's email and username once the token names the account). */
public record NewPassword(String token, @JsonProperty("new_password") String newPassword) {

    public NewPassword {
        token = OpaqueToken.require(token, "token");
        newPassword = PasswordPolicy.requireBounded(newPassword, "new_password");
    }

    @Override
    public String toString() {
        return "NewPassword[...]";
    }
}
