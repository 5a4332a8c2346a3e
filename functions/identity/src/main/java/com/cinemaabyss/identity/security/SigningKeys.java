package com.cinemaabyss.identity.security;

import com.cinemaabyss.identity.KeySettings;
import com.cinemaabyss.identity.TokenSettings;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The RS256 keys access tokens are signed with, rotated with an overlap. A key signs only while it is younger than
 * the rotation period; when no key is, the first replica to notice makes the next one (its id names the rotation
 * slot, so replicas racing for it store one key, not several). A key stays published until the last token it can
 * have signed has expired: made + rotation + access token lifetime + clock skew. Keys are read from the store at
 * most every {@code reload}, and at once when a token names a key this replica does not know yet.
 */
public class SigningKeys {

    private static final int KEY_BITS = 2048;
    /** Keys are kept in the table a day beyond their use, then DynamoDB's TTL removes them. */
    private static final Duration KEEP = Duration.ofDays(1);

    private final SigningKeyStore store;
    private final Duration rotation;
    private final Duration published;
    private final Duration reload;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Instant.MIN);

    private record Loaded(RSAKey key, Instant createdAt) {
    }

    private record Snapshot(List<Loaded> keys, Instant readAt) {
    }

    public SigningKeys(SigningKeyStore store, KeySettings keys, TokenSettings tokens, Clock clock) {
        this.store = store;
        this.rotation = keys.rotation();
        this.published = keys.rotation().plus(tokens.accessTtl()).plus(keys.clockSkew());
        this.reload = keys.reload();
        this.clock = clock;
    }

    /** The key to sign with now, made first if no key may sign any more. */
    public RSAKey signingKey() {
        Instant now = clock.instant();
        Optional<RSAKey> current = signer(current(now), now);
        if (current.isPresent()) {
            return current.get();
        }
        current = signer(read(now), now);
        if (current.isPresent()) {
            return current.get();
        }
        create(now);
        return signer(read(now), now).orElseThrow(() -> new IllegalStateException("no signing key after creating one"));
    }

    /** The public keys that tokens may be verified with now: what the JWKS document publishes. */
    public JWKSet published() {
        Instant now = clock.instant();
        return publicSet(current(now), now);
    }

    /** The published keys read afresh, unless they were read within the last second: for a token whose key is unknown. */
    public JWKSet publishedAfresh() {
        Instant now = clock.instant();
        Snapshot known = snapshot;
        return publicSet(known.readAt().isAfter(now.minusSeconds(1)) ? known : read(now), now);
    }

    private JWKSet publicSet(Snapshot keys, Instant now) {
        List<JWK> published = keys.keys().stream()
                .filter(key -> now.isBefore(key.createdAt().plus(this.published)))
                .sorted(Comparator.comparing(Loaded::createdAt).reversed())
                .map(key -> (JWK) key.key().toPublicJWK())
                .toList();
        return new JWKSet(published);
    }

    private Optional<RSAKey> signer(Snapshot keys, Instant now) {
        return keys.keys().stream()
                .filter(key -> !key.createdAt().isAfter(now) && now.isBefore(key.createdAt().plus(rotation)))
                .max(Comparator.comparing(Loaded::createdAt))
                .map(Loaded::key);
    }

    private Snapshot current(Instant now) {
        Snapshot known = snapshot;
        return known.readAt().plus(reload).isAfter(now) ? known : read(now);
    }

    private Snapshot read(Instant now) {
        List<Loaded> keys = store.all().stream().map(SigningKeys::parse).toList();
        Snapshot fresh = new Snapshot(keys, now);
        snapshot = fresh;
        return fresh;
    }

    private void create(Instant now) {
        String kid = "k" + Math.floorDiv(now.toEpochMilli(), rotation.toMillis());
        try {
            RSAKey key = new RSAKeyGenerator(KEY_BITS)
                    .keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).issueTime(Date.from(now))
                    .generate();
            store.createIfAbsent(new SigningKeyStore.StoredKey(kid, key.toJSONString(), now), now.plus(published).plus(KEEP));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA key", e);
        }
    }

    private static Loaded parse(SigningKeyStore.StoredKey stored) {
        try {
            return new Loaded(RSAKey.parse(stored.jwk()), stored.createdAt());
        } catch (ParseException e) {
            throw new IllegalStateException("signing key " + stored.kid() + " is not an RSA JWK", e);
        }
    }
}
