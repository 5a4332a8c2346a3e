package com.cinemaabyss.identity.security;

import java.time.Instant;
import java.util.List;

/** Where the signing keys live, shared by every replica (a DynamoDB table; a map in unit tests). */
public interface SigningKeyStore {

    /** A key as stored: its id, the whole JWK (private part included) as JSON, and when it was made. */
    record StoredKey(String kid, String jwk, Instant createdAt) {
    }

    /** Every key still kept (a handful: a new one per rotation period, old ones expire). */
    List<StoredKey> all();

    /** Stores the key unless one with its id exists; false when another replica was first. */
    boolean createIfAbsent(StoredKey key, Instant expiresAt);
}
