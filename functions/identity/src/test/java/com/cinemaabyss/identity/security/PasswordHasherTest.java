package com.cinemaabyss.identity.security;

import com.cinemaabyss.identity.PasswordSettings;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    /** A cost far below the shipped one, so that each check takes a millisecond. */
    static final PasswordSettings CHEAP = new PasswordSettings(256, 1, 1, 2, Duration.ofSeconds(5));

    @Test
    void hashesAndChecksPasswords() {
        PasswordHasher hasher = new PasswordHasher(CHEAP);
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hasher.matches("correct horse battery staple", hash));
        assertFalse(hasher.matches("correct horse battery stapler", hash));
        assertFalse(hasher.matchesNothing("correct horse battery staple"));
    }

    @Test
    void theUnmatchableHashIsARealHashOfTheConfiguredCostThatNoPasswordMatches() {
        String unmatchable = PasswordHasher.unmatchableHash(CHEAP);
        Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 256, 1);
        String real = encoder.encode("any password");
        String[] unmatchableParts = unmatchable.split("\\$");
        String[] realParts = real.split("\\$");
        // "", "argon2id", "v=19", "m=256,t=1,p=1", salt, hash: the same algorithm, version and cost, the same lengths.
        assertEquals(6, unmatchableParts.length, unmatchable);
        for (int part = 0; part < 4; part++) {
            assertEquals(realParts[part], unmatchableParts[part], unmatchable);
        }
        assertEquals(realParts[4].length(), unmatchableParts[4].length());
        assertEquals(realParts[5].length(), unmatchableParts[5].length());
        assertNotEquals(unmatchable, PasswordHasher.unmatchableHash(CHEAP), "each one is random");

        // Spring's encoder reads it as a hash (it answers false, without running Argon2id, for one it cannot read):
        // with its hash bytes replaced by Argon2id's own for a password, under its salt and cost, it matches that password.
        byte[] salt = Base64.getDecoder().decode(unmatchableParts[4]);
        byte[] computed = new byte[32];
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(256).withIterations(1).withParallelism(1).build());
        argon2.generateBytes("a password".getBytes(StandardCharsets.UTF_8), computed);
        String filledIn = unmatchable.substring(0, unmatchable.lastIndexOf('$') + 1)
                + Base64.getEncoder().withoutPadding().encodeToString(computed);
        assertTrue(encoder.matches("a password", filledIn));
        assertFalse(encoder.matches("a password", unmatchable));
    }
}
