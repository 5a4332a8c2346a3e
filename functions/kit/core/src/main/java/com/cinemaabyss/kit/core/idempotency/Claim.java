package com.cinemaabyss.kit.core.idempotency;

/** What {@link IdempotencyStore#claim} found under a key. */
public sealed interface Claim {

    /** The key was free and is now ours; {@code token} tells our claim from a later one. */
    record Acquired(String key, String token) implements Claim {
    }

    /** Another request with this key is running. */
    record InProgress(String fingerprint) implements Claim {
    }

    /** A request with this key was answered; {@code response} is that answer. */
    record Completed(String fingerprint, StoredResponse response) implements Claim {
    }
}
