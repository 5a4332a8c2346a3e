package com.cinemaabyss.monolith.domain;

import com.cinemaabyss.kit.core.Checks;
import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.regex.Pattern;

public record NewUser(String username, String email) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public NewUser {
        username = Checks.maxLength(Checks.requireText(Checks.noControlCharacters(username, "username"), "username"), 100, "username");
        email = Checks.maxLength(Checks.requireText(Checks.noControlCharacters(email, "email"), "email"), 254, "email");
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("field 'email' must be an email address, got '" + email + "'");
        }
    }
}
