package com.cinemaabyss.identity.domain;

import com.cinemaabyss.kit.core.Checks;

/** POST /api/auth/register: a new account. The password is checked against the policy here, before anything is hashed. */
public record Registration(String email, String password, String username) {

    public static final int MAX_USERNAME = 100;

    public Registration {
        Email address = Email.parse(email, "email");
        email = address.value();
        username = Checks.maxLength(Checks.requireText(Checks.noControlCharacters(username, "username"), "username"), MAX_USERNAME, "username");
        password = PasswordPolicy.check(password, "password", address, username);
    }

    public Email address() {
        return Email.parse(email, "email");
    }

    @Override
    public String toString() {
        return "Registration[email=" + email + ", username=" + username + "]";
    }
}
