package com.cinemaabyss.notifications.providers;

import com.cinemaabyss.notificationsandbox.PushMessages;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 8291's example (section 5) byte for byte, and round trips through the stand-in's own (separately written)
 * decryption, the browser's side; VAPID tokens as RFC 8292 asks.
 */
class WebPushEncryptionTest {

    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT"
            + "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    private static byte[] b64(String s) {
        return Base64.getUrlDecoder().decode(s);
    }

    @Test
    void encryptsTheRfcExampleByteForByteAndTheBrowsersSideDecryptsIt() throws Exception {
        KeyPair sender = new KeyPair(WebPushEncryption.publicKey(b64(AS_PUBLIC)), WebPushEncryption.privateKey(b64(AS_PRIVATE)));
        byte[] body = WebPushEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), b64(UA_PUBLIC), b64(AUTH), sender, b64(SALT));
        assertEquals(BODY, Base64.getUrlEncoder().withoutPadding().encodeToString(body));

        KeyPair browser = new KeyPair(WebPushEncryption.publicKey(b64(UA_PUBLIC)), WebPushEncryption.privateKey(b64(UA_PRIVATE)));
        assertEquals(PLAINTEXT, new String(PushMessages.decrypt(body, browser, b64(AUTH)), StandardCharsets.UTF_8));
        assertArrayEquals(b64(UA_PRIVATE), WebPushEncryption.raw((java.security.interfaces.ECPrivateKey) browser.getPrivate()));
    }

    @Test
    void aFreshMessageUsesAFreshKeyAndSaltAndDecryptsOnlyWithTheSubscriptionsSecrets() throws Exception {
        KeyPair browser = WebPushEncryption.newKeyPair();
        byte[] auth = new byte[16];
        new java.security.SecureRandom().nextBytes(auth);
        byte[] p256dh = WebPushEncryption.raw((ECPublicKey) browser.getPublic());
        byte[] message = "{\"title\":\"Новая серия\"}".getBytes(StandardCharsets.UTF_8);
        byte[] one = WebPushEncryption.encrypt(message, p256dh, auth);
        byte[] two = WebPushEncryption.encrypt(message, p256dh, auth);
        assertTrue(!java.util.Arrays.equals(one, two), "salt and sender key differ per message");
        assertArrayEquals(message, PushMessages.decrypt(one, browser, auth));
        assertArrayEquals(message, PushMessages.decrypt(two, browser, auth));
        byte[] otherAuth = auth.clone();
        otherAuth[3] ^= 1;
        assertThrows(java.security.GeneralSecurityException.class, () -> PushMessages.decrypt(one, browser, otherAuth));
        assertThrows(IllegalArgumentException.class, () -> WebPushEncryption.encrypt(new byte[WebPushEncryption.MAX_PLAINTEXT + 1], p256dh, auth));
        byte[] notAPoint = p256dh.clone();
        notAPoint[10] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> WebPushEncryption.encrypt(message, notAPoint, auth),
                "a p256dh that is not a point of the curve is refused, not used");
    }

    @Test
    void vapidTokensNameThePushServicesOriginExpireWithinADayAndVerifyWithTheAnnouncedKey() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
        KeyPair keys = WebPushEncryption.newKeyPair();
        Vapid vapid = new Vapid(keys, "mailto:ops@cinemaabyss.example", Duration.ofHours(12), clock);
        String header = vapid.authorization(URI.create("https://fcm.googleapis.com/fcm/send/abc?x=1"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("vapid t=([^,]+), k=(.+)").matcher(header);
        assertTrue(m.matches(), header);
        assertEquals(vapid.publicKey(), m.group(2));
        SignedJWT jwt = SignedJWT.parse(m.group(1));
        assertTrue(jwt.verify(new ECDSAVerifier(WebPushEncryption.publicKey(b64(m.group(2))))));
        assertEquals("ES256", jwt.getHeader().getAlgorithm().getName());
        assertEquals(java.util.List.of("https://fcm.googleapis.com"), jwt.getJWTClaimsSet().getAudience());
        assertEquals(Instant.parse("2026-11-26T22:00:00Z"), jwt.getJWTClaimsSet().getExpirationTime().toInstant());
        assertEquals("mailto:ops@cinemaabyss.example", jwt.getJWTClaimsSet().getSubject());

        KeyPair other = WebPushEncryption.newKeyPair();
        assertThrows(IllegalArgumentException.class, () -> new Vapid(new KeyPair(other.getPublic(), keys.getPrivate()), "mailto:a@b.c",
                Duration.ofHours(12), clock), "halves of two pairs");
        assertThrows(IllegalArgumentException.class, () -> new Vapid(keys, "ops", Duration.ofHours(12), clock));
        assertThrows(IllegalArgumentException.class, () -> new Vapid(keys, "mailto:a@b.c", Duration.ofHours(25), clock));
    }
}
