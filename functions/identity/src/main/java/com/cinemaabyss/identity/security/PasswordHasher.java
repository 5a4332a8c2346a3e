package com.cinemaabyss.identity.security;

import com.cinemaabyss.identity.PasswordSettings;
import com.cinemaabyss.kit.core.UnavailableException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Argon2id password hashes (Spring Security's encoder over Bouncy Castle): 16-byte salt, 32-byte hash, the cost
 * from {@link PasswordSettings}. At most {@code maxConcurrent} hashes run at once. {@link #matchesNothing} costs what
 * a real check costs, for logins of unknown accounts, so that their answer takes as long as a wrong password's.
 */
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Argon2PasswordEncoder encoder;
    private final Semaphore slots;
    private final long queueTimeoutMillis;
    private final String dummyHash;

    public PasswordHasher(PasswordSettings settings) {
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, settings.parallelism(), settings.memoryKib(), settings.iterations());
        this.slots = new Semaphore(Math.max(1, settings.maxConcurrent()), true);
        this.queueTimeoutMillis = settings.queueTimeout().toMillis();
        this.dummyHash = unmatchableHash(settings);
    }

    /**
     * An encoded Argon2id hash with the configured cost whose salt and hash are random bytes: checking a password
     * against it runs Argon2id in full, as against a real hash, and no password matches it (but with a chance of 2^-256).
     * Written rather than computed: a hash computed at start cost identity half a second of its cold start.
     */
    static String unmatchableHash(PasswordSettings settings) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(hash);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s".formatted(settings.memoryKib(), settings.iterations(),
                settings.parallelism(), base64.encodeToString(salt), base64.encodeToString(hash));
    }

    public String hash(String password) {
        return bounded(() -> encoder.encode(password));
    }

    public boolean matches(String password, String hash) {
        return bounded(() -> encoder.matches(password, hash));
    }

    /** Checks the password against a hash no password matches: the same work as {@link #matches}, always false. */
    public boolean matchesNothing(String password) {
        bounded(() -> encoder.matches(password, dummyHash));
        return false;
    }

    private <T> T bounded(Supplier<T> work) {
        try {
            if (!slots.tryAcquire(queueTimeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new UnavailableException("too many password checks at once; retry", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting to check a password", e);
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
