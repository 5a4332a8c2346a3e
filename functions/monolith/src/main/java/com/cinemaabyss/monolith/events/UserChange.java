package com.cinemaabyss.monolith.events;

/** Data of {@code com.cinemaabyss.identity.user.upserted.v1}: an identity account as the legacy users API shows it. */
public record UserChange(long id, String email, String username, long version) {
}
