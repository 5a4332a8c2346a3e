package com.cinemaabyss.identity.domain;

import com.cinemaabyss.kit.core.Checks;

/** POST /api/auth/login. Only bounded here: whether the email is an account is for the login to find out, in constant time. */
public record Credentials(String email, String password) {

    public Credentials {
        email = Checks.maxLength(Checks.requireText(email, "email"), Email.MAX_LENGTH, "email");
        password = PasswordPolicy.requireBounded(password, "password");
    }

    @Override
    public String toString() {
        return "Credentials[email=" + email + "]";
    }
}
