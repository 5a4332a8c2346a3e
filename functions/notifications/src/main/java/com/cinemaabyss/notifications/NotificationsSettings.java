package com.cinemaabyss.notifications;

import com.cinemaabyss.notifications.domain.Language;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code cinemaabyss.notifications.*}: who mail comes from, where its links point, how long a send may stay "sending"
 * before a redelivery sends it again, the language of a user nobody told us about, and the unsubscribe links' key.
 */
@ConfigurationProperties("cinemaabyss.notifications")
public record NotificationsSettings(Mail mail, Links links, @DefaultValue Sending sending, @DefaultValue("en") String defaultLanguage,
                                    @DefaultValue("true") boolean marketingByDefault, Unsubscribe unsubscribe,
                                    @DefaultValue Campaigns campaigns, @DefaultValue Push push, @DefaultValue Sms sms,
                                    @DefaultValue Providers providers) {

    /**
     * Push: {@code localStandIn} is the one non-https push endpoint base accepted (the local stand-in provider's address;
     * empty in the cluster, where every push service is https); the VAPID key pair and contact; how long a push service
     * may hold a message for a browser that is offline.
     */
    public record Push(@DefaultValue("") String localStandIn, @DefaultValue Vapid vapid, @DefaultValue("12h") Duration ttl) {
        public Push {
            if (ttl.isNegative() || ttl.compareTo(Duration.ofDays(28)) > 0) {
                throw new IllegalArgumentException("cinemaabyss.notifications.push.ttl must be 0..28 days");
            }
        }
    }

    /**
     * VAPID (RFC 8292): the P-256 key pair, base64url (public: the 65-byte uncompressed point browsers subscribe with;
     * private: the 32-byte scalar; from a Secret in the cluster), and the contact push services see. Both keys empty:
     * a key pair made at start, good until the next start (subscriptions made against it stop working then): for local
     * runs and tests only, which the chart never leaves empty.
     */
    public record Vapid(@DefaultValue("") String publicKey, @DefaultValue("") String privateKey,
                        @DefaultValue("mailto:notifications@cinemaabyss.local") String subject) {
        public Vapid {
            if (publicKey.isEmpty() != privateKey.isEmpty()) {
                throw new IllegalArgumentException("cinemaabyss.notifications.push.vapid: set both public-key and private-key, or neither");
            }
        }

        @Override
        public String toString() {
            return "Vapid[publicKey=" + publicKey + ", privateKey=<hidden>, subject=" + subject + "]";
        }
    }

    /**
     * The SMS provider's API ({@code url}; empty: none, SMS are then recorded as failed), notifications' key there (a Secret
     * in the cluster) and the sender name the messages show.
     */
    public record Sms(@DefaultValue("") String url, @DefaultValue("") String apiKey, @DefaultValue("CinemaAbyss") String from) {
        public Sms {
            if (!url.isEmpty() && !(url.startsWith("https://") || url.startsWith("http://127.0.0.1"))) {
                throw new IllegalArgumentException("cinemaabyss.notifications.sms.url must be https (or the local stand-in on 127.0.0.1)");
            }
            if (!url.isEmpty() && apiKey.isBlank()) {
                throw new IllegalArgumentException("cinemaabyss.notifications.sms.api-key is required with an SMS provider url");
            }
        }

        @Override
        public String toString() {
            return "Sms[url=" + url + ", apiKey=<hidden>, from=" + from + "]";
        }
    }

    /**
     * Calls to push services and the SMS provider: each request's timeout, and the Resilience4j retries of a transient
     * failure (5xx, 429, timeouts, refused connections) within one delivery: attempts in all, the first pause, and its
     * growth. Past them the delivery is answered 503 and the eventing layer's slower backoff takes over.
     */
    public record Providers(@DefaultValue("5s") Duration timeout, @DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration initialInterval,
                            @DefaultValue("2.0") double multiplier) {
    }

    /**
     * Campaigns' send rate per channel (sends a second on average and the burst allowed at once, per pod) and how long
     * a recipient may wait for its turn before the delivery is answered 503 and comes back later.
     */
    public record Campaigns(@DefaultValue("2s") Duration maxWait, @DefaultValue Rate email, @DefaultValue Rate push, @DefaultValue Rate sms) {
        public Campaigns {
            if (maxWait.isNegative() || maxWait.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new IllegalArgumentException("cinemaabyss.notifications.campaigns.max-wait must be 0..10s (the delivery's timeout is longer)");
            }
        }
    }

    public record Rate(@DefaultValue("20") int perSecond, @DefaultValue("5") int burst) {
    }

    /** The From address and name of every mail. */
    public record Mail(String from, @DefaultValue("CinemaAbyss") String fromName) {
        public Mail {
            if (from == null || !from.matches("[^@\\s<>]{1,64}@[^@\\s<>]{1,190}")) {
                throw new IllegalArgumentException("cinemaabyss.notifications.mail.from must be an email address, got " + from);
            }
        }
    }

    /** The public address of the platform (the gateway, or the web client in front of it): mail links start with it. */
    public record Links(URI publicUrl) {
        public Links {
            if (publicUrl == null || !("http".equals(publicUrl.getScheme()) || "https".equals(publicUrl.getScheme()))) {
                throw new IllegalArgumentException("cinemaabyss.notifications.links.public-url must be an http(s) URL, got " + publicUrl);
            }
        }

        public String base() {
            String s = publicUrl.toString();
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
    }

    /**
     * staleAfter: a send recorded as "sending" longer ago than this died with its process (SMTP timeouts are far
     * shorter), so a redelivery sends it once more; a younger one may still be in flight and the redelivery is asked to
     * come back later (503).
     */
    public record Sending(@DefaultValue("2m") Duration staleAfter, @DefaultValue("2") int maxAttempts) {
        public Sending {
            if (!staleAfter.isPositive() || maxAttempts < 1 || maxAttempts > 5) {
                throw new IllegalArgumentException("cinemaabyss.notifications.sending: stale-after must be positive and max-attempts 1..5");
            }
        }
    }

    /** The HMAC key of one-click unsubscribe links (at least 32 bytes; from a Secret in the cluster). */
    public record Unsubscribe(String secret) {
        public Unsubscribe {
            if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
                throw new IllegalArgumentException("cinemaabyss.notifications.unsubscribe.secret must be at least 32 bytes");
            }
        }

        @Override
        public String toString() {
            return "Unsubscribe[secret=<hidden>]";
        }
    }

    public NotificationsSettings {
        if (mail == null || links == null || unsubscribe == null) {
            throw new IllegalArgumentException("cinemaabyss.notifications.mail.from, links.public-url and unsubscribe.secret are required");
        }
        Language.parse(defaultLanguage, "cinemaabyss.notifications.default-language");
    }

    public Language language() {
        return Language.parse(defaultLanguage, "default-language");
    }
}
