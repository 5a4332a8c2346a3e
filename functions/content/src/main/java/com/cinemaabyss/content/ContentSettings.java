package com.cinemaabyss.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * {@code cinemaabyss.content.*}: where stream URLs point and how they are signed ({@code media}), and where the
 * entitlement and the profile are read ({@code upstream}).
 */
@ConfigurationProperties("cinemaabyss.content")
public record ContentSettings(Media media, Upstream upstream) {

    /**
     * The origin (a CDN in a cluster, infra/media-origin locally), the signing secret it shares with content (no
     * default: a missing key stops the start), how long a signed URL lives, and the asset every title plays.
     */
    public record Media(URI originUrl, String signingKey, @DefaultValue("5m") Duration urlTtl, @DefaultValue("demo") String asset) {
        public Media {
            if (originUrl == null || signingKey == null || signingKey.isBlank()) {
                throw new IllegalArgumentException("cinemaabyss.content.media needs origin-url (ORIGIN_URL) and signing-key (MEDIA_SIGNING_KEY)");
            }
            if (urlTtl.compareTo(Duration.ofSeconds(10)) < 0 || urlTtl.compareTo(Duration.ofHours(6)) > 0) {
                throw new IllegalArgumentException("cinemaabyss.content.media.url-ttl must be between 10 s and 6 h");
            }
        }
    }

    /** subscriptions (entitlements) and profile, each given {@code timeout} to connect and answer. */
    public record Upstream(URI subscriptionsUrl, URI profileUrl, @DefaultValue("2s") Duration timeout) {
        public Upstream {
            if (subscriptionsUrl == null || profileUrl == null || !timeout.isPositive()) {
                throw new IllegalArgumentException("cinemaabyss.content.upstream needs subscriptions-url, profile-url and a positive timeout");
            }
        }
    }
}
