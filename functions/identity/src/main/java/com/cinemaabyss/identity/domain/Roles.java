package com.cinemaabyss.identity.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A set of roles as it is stored and sent: the role names, in the enum's order, without repeats. */
public final class Roles {

    private Roles() {
    }

    public static Set<Role> parse(Collection<String> values, String field) {
        if (values == null || values.isEmpty()) {
            throw new InvalidInputException("field '" + field + "' must be a non-empty array of roles");
        }
        if (values.size() > Role.values().length) {
            throw new InvalidInputException("field '" + field + "' must have at most " + Role.values().length + " items, got " + values.size());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values) {
            if (!roles.add(Role.of(value, field))) {
                throw new InvalidInputException("field '" + field + "' names a role twice");
            }
        }
        return roles;
    }

    public static List<String> names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::value).toList();
    }
}
