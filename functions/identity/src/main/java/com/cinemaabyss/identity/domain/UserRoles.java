package com.cinemaabyss.identity.domain;

/** The role change of one account, as the function bean takes it. */
public record UserRoles(long userId, RoleChange change) {
}
