package com.cinemaabyss.identity.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an account may do: every account is a viewer unless an admin says otherwise. */
public enum Role {
    VIEWER("viewer"),
    CONTENT_MANAGER("content_manager"),
    ADMIN("admin");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Role of(String value, String field) {
        for (Role role : values()) {
            if (role.value.equals(value)) {
                return role;
            }
        }
        throw new InvalidInputException("field '" + field + "' must contain only "
                + Arrays.stream(values()).map(Role::value).collect(Collectors.joining(", ")));
    }
}
