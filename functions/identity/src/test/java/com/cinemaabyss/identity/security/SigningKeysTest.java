package com.cinemaabyss.identity.security;

import com.cinemaabyss.identity.KeySettings;
import com.cinemaabyss.identity.TokenSettings;
import com.cinemaabyss.kit.test.MutableClock;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningKeysTest {

    static final KeySettings KEYS = new KeySettings(Duration.ofDays(7), Duration.ofSeconds(60), Duration.ofSeconds(30));
    static final TokenSettings TOKENS = new TokenSettings(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofHours(24), Duration.ofMinutes(30));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
    private final SigningKeys keys = new SigningKeys(store, KEYS, TOKENS, clock);

    @Test
    void theFirstSignatureMakesAKeyAndItSignsUntilTheRotationPeriodEnds() {
        RSAKey first = keys.signingKey();
        assertEquals(1, store.keys.size());
        assertTrue(first.isPrivate());
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertEquals(first.getKeyID(), keys.signingKey().getKeyID());
        clock.advance(Duration.ofSeconds(1));
        RSAKey second = keys.signingKey();
        assertNotEquals(first.getKeyID(), second.getKeyID());
        assertEquals(2, store.keys.size());
    }

    @Test
    void anOldKeyStaysPublishedUntilEveryTokenItSignedHasExpiredAndNoLonger() {
        String first = keys.signingKey().getKeyID();
        clock.advance(Duration.ofDays(7));
        String second = keys.signingKey().getKeyID();
        assertEquals(List.of(second, first), kids(), "both published, newest first");
        // The last token the first key signed was signed just before day 7 and lives 15 minutes; plus the clock skew.
        clock.advance(Duration.ofMinutes(16).minusSeconds(1));
        assertEquals(List.of(second, first), kids());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(List.of(second), kids());
        assertTrue(keys.published().getKeys().stream().noneMatch(JWK::isPrivate), "the JWKS never holds private parts");
    }

    @Test
    void replicasThatRaceForTheNextKeyStoreOneKey() {
        SigningKeys otherReplica = new SigningKeys(store, KEYS, TOKENS, clock);
        String mine = keys.signingKey().getKeyID();
        String theirs = otherReplica.signingKey().getKeyID();
        assertEquals(mine, theirs);
        assertEquals(1, store.keys.size());
    }

    @Test
    void keysAreReadFromTheStoreAtMostEveryReloadInterval() {
        keys.signingKey();
        int reads = store.reads;
        keys.signingKey();
        keys.published();
        assertEquals(reads, store.reads);
        clock.advance(Duration.ofSeconds(31));
        keys.published();
        assertFalse(store.reads == reads);
    }

    private List<String> kids() {
        return keys.published().getKeys().stream().map(JWK::getKeyID).toList();
    }
}
