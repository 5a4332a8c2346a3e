package com.cinemaabyss.notifications.push;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.notifications.providers.WebPushEncryption;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;

/**
 * {@code POST /api/v1/me/push-subscriptions}: a browser's {@code PushSubscription.toJSON()} (RFC 8030 endpoint, the
 * RFC 8291 keys). The endpoint must be https (a push service), or start with the configured local stand-in's address;
 * the keys are base64url: p256dh an uncompressed point of P-256 (65 bytes), auth 16 bytes.
 */
public record PushSubscriptionRequest(String endpoint, @JsonProperty("expirationTime") Long expirationTime, Keys keys) {

    public record Keys(String p256dh, String auth) {
    }

    static final int MAX_ENDPOINT = 2048;

    /** The endpoint, checked against the push services allowed (https, or the local stand-in's base when one is set). */
    public URI check(String localStandIn) {
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > MAX_ENDPOINT) {
            throw new InvalidInputException("endpoint is required, at most " + MAX_ENDPOINT + " characters");
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("endpoint must be a URL");
        }
        boolean local = localStandIn != null && !localStandIn.isBlank() && endpoint.startsWith(localStandIn);
        if (!local && !("https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null)) {
            throw new InvalidInputException("endpoint must be an https URL of a push service");
        }
        if (keys == null) {
            throw new InvalidInputException("keys {p256dh, auth} are required");
        }
        byte[] point = decode(keys.p256dh(), 100, "keys.p256dh");
        try {
            WebPushEncryption.publicKey(point);
        } catch (java.security.GeneralSecurityException e) {
            throw new InvalidInputException("keys.p256dh must be an uncompressed P-256 public key (65 bytes, base64url, a point of the curve)");
        }
        if (decode(keys.auth(), 32, "keys.auth").length != 16) {
            throw new InvalidInputException("keys.auth must be 16 bytes, base64url");
        }
        return uri;
    }

    private static byte[] decode(String value, int maxLength, String field) {
        if (value == null || value.isEmpty() || value.length() > maxLength || !value.matches("[A-Za-z0-9_-]+={0,2}")) {
            throw new InvalidInputException(field + " must be base64url, at most " + maxLength + " characters");
        }
        try {
            return Base64.getUrlDecoder().decode(value.replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + " must be base64url");
        }
    }
}
