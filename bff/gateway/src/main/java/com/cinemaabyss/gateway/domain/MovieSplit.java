package com.cinemaabyss.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;
import java.util.zip.CRC32;

/**
 * The Strangler Fig split of movie traffic. A known user has a fixed bucket from 0 to 99, a hash of the user
 * id; the user goes to the catalog when the bucket is below the percent. So a user stays on one side
 * while the percent stays, and raising the percent only ever moves users forward. Anonymous requests are
 * split at random with the same probability.
 */
public final class MovieSplit {

    private MovieSplit() {
    }

    public static Backend choose(MigrationSettings settings, String userId, IntSupplier randomPercentile) {
        int percent = settings.effectivePercent();
        if (percent <= 0) {
            return Backend.MONOLITH;
        }
        if (percent >= 100) {
            return Backend.CATALOG;
        }
        int position = userId == null || userId.isBlank() ? randomPercentile.getAsInt() : bucket(userId);
        return position < percent ? Backend.CATALOG : Backend.MONOLITH;
    }

    public static int bucket(String userId) {
        CRC32 crc = new CRC32();
        crc.update(userId.strip().getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 100);
    }
}
