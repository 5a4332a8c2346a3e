package com.cinemaabyss.monolith;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ids the monolith hands out where an extracted function writes the same legacy collection: users (identity's
 * accounts), payments (the payments function's) and subscriptions (the subscriptions function's). The monolith takes
 * the odd ids ({@code offset} 1, {@code stride} 2) and the function the even ones (see kit-data's InterleavedIds), so
 * both kinds are listed by the legacy API under their own id.
 */
@ConfigurationProperties("cinemaabyss.shared-ids")
public record SharedIdSettings(@DefaultValue IdShare users, @DefaultValue IdShare payments, @DefaultValue IdShare subscriptions) {

    public record IdShare(@DefaultValue("1") long offset, @DefaultValue("2") long stride) {
    }
}
