package com.cinemaabyss.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ids identity hands out: shared with the monolith's legacy users, identity takes the even ones
 * ({@code idOffset} 2, {@code idStride} 2) and the monolith the odd ones. Where the monolith handed out sequential ids
 * before, raise {@code idOffset} to an even number above its highest.
 */
@ConfigurationProperties("cinemaabyss.identity.users")
public record UserSettings(@DefaultValue("2") long idOffset, @DefaultValue("2") long idStride) {
}
