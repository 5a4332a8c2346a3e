package com.cinemaabyss.payments.provider;

import com.cinemaabyss.kit.core.InvalidInputException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a webhook's {@code Sandbox-Signature: t=<unix seconds>,v1=<hex>} the way Stripe's libraries do: the HMAC-SHA256
 * of {@code "<t>.<body>"} under the endpoint secret must equal one of the {@code v1} values (compared in constant time),
 * and {@code t} must be within the tolerance of now, so a captured delivery cannot be replayed later. (A replay within
 * the tolerance carries an event id already received: the receipt of the event id stops it.)
 */
public final class WebhookSignatures {

    public static final String HEADER = "Sandbox-Signature";
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MAX_HEADER = 1_024;

    private final byte[] secret;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookSignatures(String secret, Duration tolerance, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** Returns normally when the body is signed with our secret within the tolerance; 400 (with the reason) otherwise. */
    public void verify(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            throw new InvalidInputException("webhook is not signed: header '" + HEADER + "' is missing");
        }
        if (header.length() > MAX_HEADER) {
            throw new InvalidInputException("header '" + HEADER + "' is too long");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (name.equals("t") && TIMESTAMP.matcher(value).matches()) {
                timestamp = Long.parseLong(value);
            } else if (name.equals("v1") && HEX_SHA256.matcher(value).matches()) {
                signatures.add(HexFormat.of().parseHex(value));
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new InvalidInputException("header '" + HEADER + "' must be t=<unix seconds>,v1=<hex HMAC-SHA256>");
        }
        long age = clock.instant().getEpochSecond() - timestamp;
        if (Math.abs(age) > tolerance.toSeconds()) {
            throw new InvalidInputException("webhook signature timestamp is outside the tolerance of " + tolerance.toSeconds() + " s");
        }
        byte[] expected = hmac(timestamp, body);
        boolean matches = false;
        for (byte[] signature : signatures) {
            // No early exit: every candidate is compared, each in constant time.
            matches |= MessageDigest.isEqual(expected, signature);
        }
        if (!matches) {
            throw new InvalidInputException("webhook signature does not match");
        }
    }

    private byte[] hmac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
