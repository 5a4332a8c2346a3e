package com.cinemaabyss.notificationsandbox;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser's side of RFC 8291, on the RFC's own example (section 5). */
class PushMessagesTest {

    static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT"
            + "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    static byte[] b64(String s) {
        return Base64.getUrlDecoder().decode(s);
    }

    static KeyPair rfcSubscription() throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
        return new KeyPair(PushMessages.publicKey(b64(UA_PUBLIC)),
                KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, b64(UA_PRIVATE)), p256)));
    }

    @Test
    void decryptsTheRfcsExampleMessage() throws Exception {
        byte[] plain = PushMessages.decrypt(b64(BODY), rfcSubscription(), b64(AUTH));
        assertEquals("When I grow up, I want to be a watermelon", new String(plain, StandardCharsets.UTF_8));
        PushMessages.Frame frame = PushMessages.frame(b64(BODY));
        assertEquals(4096, frame.recordSize());
        assertArrayEquals(b64("DGv6ra1nlYgDCS1FRnbzlw"), frame.salt());
    }

    @Test
    void refusesAWrongAuthSecretAndABrokenHeader() throws Exception {
        byte[] wrongAuth = b64(AUTH);
        wrongAuth[0] ^= 1;
        assertThrows(java.security.GeneralSecurityException.class, () -> PushMessages.decrypt(b64(BODY), rfcSubscription(), wrongAuth));
        byte[] body = b64(BODY);
        body[20] = 64;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PushMessages.frame(body)).getMessage().contains("idlen"));
        byte[] offCurve = b64(BODY);
        offCurve[30] ^= 1;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PushMessages.frame(offCurve)).getMessage().contains("P-256"));
        assertThrows(IllegalArgumentException.class, () -> PushMessages.frame(new byte[40]));
    }

    @Test
    void failsOnRequestTheGivenNumberOfTimesThenTakesMessagesAgain() {
        Inbox inbox = new Inbox();
        inbox.failNext("a", 503, 2);
        inbox.failNext("b", 410, 0);
        assertEquals(503, inbox.failure("a"));
        assertEquals(503, inbox.failure("a"));
        assertEquals(0, inbox.failure("a"));
        for (int i = 0; i < 3; i++) {
            assertEquals(410, inbox.failure("b"));
        }
        inbox.clear("b");
        assertEquals(0, inbox.failure("b"));
    }
}
