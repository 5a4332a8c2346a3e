package com.cinemaabyss.kit.core.idempotency;

/**
 * Remembers requests by idempotency key, so that a retried request gets the first answer instead of running
 * again. Keys come hashed; a store never sees what a client sent.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code key} for a request whose body hashes to {@code fingerprint}, unless someone holds it already:
     * then it answers what is stored under the key (in progress, or completed with its response).
     */
    Claim claim(String key, String fingerprint);

    /** Stores the answer to the claimed request; later claims of the key replay it. */
    void complete(Claim.Acquired claim, StoredResponse response);

    /** Gives the key up, so that a retry runs the request again (after a failure on our side). */
    void release(Claim.Acquired claim);
}
