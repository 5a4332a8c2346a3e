package com.cinemaabyss.payments.provider;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.sandbox.WebhookSigner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook signature check against what the sandbox provider signs: good, bad, stale, missing, replayed. */
class WebhookSignaturesTest {

    private static final String SECRET = "whsec_test_secret";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"charge.succeeded\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSigner provider = new WebhookSigner(SECRET);

    private static WebhookSignatures at(Instant now) {
        return new WebhookSignatures(SECRET, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aDeliveryTheProviderSignedJustNowIsGenuine() {
        assertDoesNotThrow(() -> at(NOW).verify(provider.header(NOW.getEpochSecond(), BODY), BODY));
        // Clocks differ a little: within the tolerance either way is fine.
        assertDoesNotThrow(() -> at(NOW).verify(provider.header(NOW.getEpochSecond() - 299, BODY), BODY));
        assertDoesNotThrow(() -> at(NOW).verify(provider.header(NOW.getEpochSecond() + 299, BODY), BODY));
        // Stripe's scheme allows several v1 values (a secret being rolled): one matching is enough.
        String rolled = "t=" + NOW.getEpochSecond() + ",v1=" + "0".repeat(64) + ",v1=" + provider.hmacHex(NOW.getEpochSecond(), BODY);
        assertDoesNotThrow(() -> at(NOW).verify(rolled, BODY));
    }

    @Test
    void aWrongSecretOrAChangedBodyOrTimestampIsRefused() {
        long t = NOW.getEpochSecond();
        assertRefused(new WebhookSigner("another secret").header(t, BODY), BODY, "does not match");
        assertRefused(provider.header(t, BODY), "{\"id\":\"evt_1\",\"type\":\"charge.failed\"}".getBytes(StandardCharsets.UTF_8), "does not match");
        // The timestamp is inside the signed payload: moving it breaks the signature.
        assertRefused("t=" + (t + 1) + ",v1=" + provider.hmacHex(t, BODY), BODY, "does not match");
        String upper = provider.header(t, BODY).toUpperCase().replace("T=", "t=").replace("V1=", "v1=");
        assertDoesNotThrow(() -> at(NOW).verify(upper, BODY), "hex is hex in either case");
    }

    @Test
    void aStaleOrFutureDeliveryIsRefusedEvenWhenSigned() {
        assertRefused(provider.header(NOW.getEpochSecond() - 301, BODY), BODY, "outside the tolerance");
        assertRefused(provider.header(NOW.getEpochSecond() + 301, BODY), BODY, "outside the tolerance");
    }

    @Test
    void aCapturedDeliveryReplayedAfterTheToleranceIsRefused() {
        String captured = provider.header(NOW.getEpochSecond(), BODY);
        assertDoesNotThrow(() -> at(NOW).verify(captured, BODY));
        assertRefused(at(NOW.plus(Duration.ofMinutes(6))), captured, BODY, "outside the tolerance");
    }

    @Test
    void aMissingOrMalformedSignatureIsRefused() {
        assertRefused(null, BODY, "is missing");
        assertRefused("", BODY, "is missing");
        assertRefused("v1=" + provider.hmacHex(NOW.getEpochSecond(), BODY), BODY, "must be t=");
        assertRefused("t=" + NOW.getEpochSecond(), BODY, "must be t=");
        assertRefused("t=abc,v1=" + provider.hmacHex(NOW.getEpochSecond(), BODY), BODY, "must be t=");
        assertRefused("t=" + NOW.getEpochSecond() + ",v1=xyz", BODY, "must be t=");
        assertRefused("t=" + NOW.getEpochSecond() + ",v0=" + provider.hmacHex(NOW.getEpochSecond(), BODY), BODY, "must be t=");
        assertRefused("t=" + "9".repeat(40) + ",v1=" + "0".repeat(64), BODY, "must be t=");
        assertRefused("x".repeat(5_000), BODY, "too long");
    }

    private void assertRefused(String header, byte[] body, String reason) {
        assertRefused(at(NOW), header, body, reason);
    }

    private static void assertRefused(WebhookSignatures signatures, String header, byte[] body, String reason) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> signatures.verify(header, body));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
