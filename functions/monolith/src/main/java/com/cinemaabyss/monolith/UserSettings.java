package com.cinemaabyss.monolith;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ids the monolith's legacy users get: shared with identity's accounts, the monolith hands out the odd ones
 * ({@code idOffset} 1, {@code idStride} 2) and identity the even ones (see kit-data's InterleavedIds).
 */
@ConfigurationProperties("cinemaabyss.users")
public record UserSettings(@DefaultValue("1") long idOffset, @DefaultValue("2") long idStride) {
}
