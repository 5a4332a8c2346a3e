package com.cinemaabyss.identity.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The signing key table as a map, for unit tests; counts what was created. */
final class InMemorySigningKeyStore implements SigningKeyStore {

    final Map<String, StoredKey> keys = new ConcurrentHashMap<>();
    int reads;

    @Override
    public List<StoredKey> all() {
        reads++;
        return List.copyOf(keys.values());
    }

    @Override
    public boolean createIfAbsent(StoredKey key, Instant expiresAt) {
        return keys.putIfAbsent(key.kid(), key) == null;
    }
}
