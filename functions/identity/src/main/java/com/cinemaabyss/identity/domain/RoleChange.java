package com.cinemaabyss.identity.domain;

import java.util.List;
import java.util.Set;

/** PUT /api/auth/users/{id}/roles: the whole set of roles the account is to have. */
public record RoleChange(List<String> roles) {

    public RoleChange {
        roles = Roles.names(Roles.parse(roles, "roles"));
    }

    public Set<Role> parsed() {
        return Roles.parse(roles, "roles");
    }
}
