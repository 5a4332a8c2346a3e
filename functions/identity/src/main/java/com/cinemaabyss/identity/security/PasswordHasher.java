package com.cinemaabyss.identity.security;

import com.cinemaabyss.identity.PasswordSettings;
import com.cinemaabyss.kit.core.UnavailableException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Argon2id password hashes (Spring Security's encoder over Bouncy Castle): 16-byte salt, 32-byte hash, the cost
 * from {@link PasswordSettings}. At most {@code maxConcurrent} hashes run at once. {@link #matchesNothing} costs what
 * a real check costs, for logins of unknown accounts, so that their answer takes as long as a wrong password's.
 */
public class PasswordHasher {

    private final Argon2PasswordEncoder encoder;
    private final Semaphore slots;
    private final long queueTimeoutMillis;
    private final String dummyHash;

    public PasswordHasher(PasswordSettings settings) {
        this.encoder = new Argon2PasswordEncoder(16, 32, settings.parallelism(), settings.memoryKib(), settings.iterations());
        this.slots = new Semaphore(Math.max(1, settings.maxConcurrent()), true);
        this.queueTimeoutMillis = settings.queueTimeout().toMillis();
        this.dummyHash = encoder.encode("no account has this password: " + System.nanoTime());
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
