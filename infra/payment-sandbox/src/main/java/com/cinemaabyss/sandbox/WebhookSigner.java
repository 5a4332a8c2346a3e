package com.cinemaabyss.sandbox;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Signs webhook bodies the way Stripe does: {@code Sandbox-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">} with the endpoint's secret. The timestamp is inside the signed payload, so a receiver can refuse
 * old deliveries without trusting the header's own claim.
 */
public final class WebhookSigner {

    public static final String HEADER = "Sandbox-Signature";

    private final byte[] secret;

    public WebhookSigner(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String header(long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(unixSeconds, body);
    }

    public String hmacHex(long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
