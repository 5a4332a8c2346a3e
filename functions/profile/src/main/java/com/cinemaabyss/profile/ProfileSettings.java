package com.cinemaabyss.profile;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * {@code cinemaabyss.profile.*}: the profile every account gets on first use, where the plan's profile limit is read
 * (subscriptions' entitlement) and how long that call may take, and how far continue watching looks.
 */
@ConfigurationProperties("cinemaabyss.profile")
public record ProfileSettings(@DefaultValue Defaults defaults, Entitlements entitlements,
                              @DefaultValue("200") int continueWatchingScan) {

    /** The first profile of an account: its name and language. */
    public record Defaults(@DefaultValue("Main") String name, @DefaultValue("en") String language) {
    }

    /** subscriptions' base URL ({@code GET <url>/api/v1/entitlements/me}) and the bound on each call. */
    public record Entitlements(URI url, @DefaultValue("2s") Duration timeout) {
        public Entitlements {
            if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("cinemaabyss.profile.entitlements.url must be an http(s) URL, got " + url);
            }
            if (!timeout.isPositive()) {
                throw new IllegalArgumentException("cinemaabyss.profile.entitlements.timeout must be positive");
            }
        }
    }

    public ProfileSettings {
        if (entitlements == null) {
            throw new IllegalArgumentException("cinemaabyss.profile.entitlements.url is required");
        }
        if (continueWatchingScan < 1 || continueWatchingScan > 1_000) {
            throw new IllegalArgumentException("cinemaabyss.profile.continue-watching-scan must be 1..1000");
        }
    }
}
