package com.cinemaabyss.notifications.providers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Sends one Web Push message (RFC 8030) to one subscription: the body encrypted for it (RFC 8291, aes128gcm), the
 * request signed with VAPID (RFC 8292), a TTL (how long the push service may hold it for an offline browser) and an
 * Urgency. A 201 (or any 2xx) is delivered to the push service; anything else is a {@link ProviderFailure}, retried
 * when transient.
 */
public class PushSender {

    /** One subscription's address and keys (p256dh 65 bytes, auth 16 bytes). */
    public record Target(URI endpoint, byte[] p256dh, byte[] auth) {
    }

    private final HttpClient http;
    private final Vapid vapid;
    private final ProviderRetry retry;
    private final Duration timeout;
    private final Duration ttl;

    public PushSender(HttpClient http, Vapid vapid, ProviderRetry retry, Duration timeout, Duration ttl) {
        this.http = http;
        this.vapid = vapid;
        this.retry = retry;
        this.timeout = timeout;
        this.ttl = ttl;
    }

    public Vapid vapid() {
        return vapid;
    }

    /** Delivers {@code message} (the service worker's JSON) to the push service, or throws the {@link ProviderFailure}. */
    public void send(Target target, byte[] message, String urgency) {
        byte[] body;
        try {
            body = WebPushEncryption.encrypt(message, target.p256dh(), target.auth());
        } catch (IllegalArgumentException e) {
            throw new ProviderFailure(ProviderFailure.Kind.PERMANENT, "push message not encrypted: " + e.getMessage(), e);
        }
        retry.call(() -> {
            HttpRequest request = HttpRequest.newBuilder(target.endpoint()).timeout(timeout)
                    .header("Authorization", vapid.authorization(target.endpoint()))
                    .header("Content-Encoding", "aes128gcm").header("Content-Type", "application/octet-stream")
                    .header("TTL", Long.toString(ttl.toSeconds())).header("Urgency", urgency)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return Calls.status("push", http, request, true);
        });
    }
}
