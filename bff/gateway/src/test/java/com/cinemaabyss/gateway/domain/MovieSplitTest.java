package com.cinemaabyss.gateway.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MovieSplitTest {

    private static final IntSupplier NEVER_CALLED = () -> {
        throw new AssertionError("a known user must not be split at random");
    };

    @Test
    void withoutGradualMigrationEverythingStaysOnTheMonolith() {
        MigrationSettings off = new MigrationSettings(false, 100);
        assertEquals(Backend.MONOLITH, MovieSplit.choose(off, "42", NEVER_CALLED));
        assertEquals(Backend.MONOLITH, MovieSplit.choose(off, null, () -> 0));
    }

    @Test
    void zeroAndHundredPercentAreExact() {
        Random random = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(Backend.MONOLITH, MovieSplit.choose(new MigrationSettings(true, 0), null, () -> random.nextInt(100)));
            assertEquals(Backend.CATALOG, MovieSplit.choose(new MigrationSettings(true, 100), null, () -> random.nextInt(100)));
        }
    }

    @Test
    void anonymousRequestsSplitWithinTwoPointsOfTheTarget() {
        for (int percent : new int[]{10, 50, 90}) {
            Random random = new Random(percent);
            MigrationSettings settings = new MigrationSettings(true, percent);
            int toMovies = 0;
            for (int i = 0; i < 10_000; i++) {
                if (MovieSplit.choose(settings, null, () -> random.nextInt(100)) == Backend.CATALOG) {
                    toMovies++;
                }
            }
            assertTrue(Math.abs(toMovies / 100.0 - percent) <= 2, percent + "% target, got " + toMovies / 100.0 + "%");
        }
    }

    @Test
    void aUserStaysOnOneSideAtAGivenPercent() {
        MigrationSettings half = new MigrationSettings(true, 50);
        for (int user = 0; user < 200; user++) {
            Backend first = MovieSplit.choose(half, "user-" + user, NEVER_CALLED);
            for (int again = 0; again < 5; again++) {
                assertEquals(first, MovieSplit.choose(half, "user-" + user, NEVER_CALLED));
            }
        }
    }

    @Test
    void raisingThePercentOnlyMovesUsersForward() {
        int[] steps = {0, 10, 25, 50, 75, 90, 100};
        for (int user = 0; user < 1000; user++) {
            boolean moved = false;
            for (int percent : steps) {
                Backend backend = MovieSplit.choose(new MigrationSettings(true, percent), Integer.toString(user), NEVER_CALLED);
                if (moved) {
                    assertEquals(Backend.CATALOG, backend, "user " + user + " moved back at " + percent + "%");
                }
                moved = backend == Backend.CATALOG;
            }
        }
    }

    @Test
    void usersAreSpreadOverTheBuckets() {
        int inLowerHalf = 0;
        for (int user = 0; user < 10_000; user++) {
            if (MovieSplit.bucket(Integer.toString(user)) < 50) {
                inLowerHalf++;
            }
        }
        assertTrue(Math.abs(inLowerHalf - 5_000) < 300, "users in buckets 0-49: " + inLowerHalf);
        assertNotEquals(MovieSplit.bucket("1"), MovieSplit.bucket("2"));
    }

    @Test
    void settingsOutsideTheRangeAreRejected() {
        assertThrows(InvalidInputException.class, () -> new MigrationSettings(true, 101));
        assertThrows(InvalidInputException.class, () -> new MigrationSettings(true, -1));
        assertThrows(InvalidInputException.class, () -> MigrationSettings.fromJson(null, 5));
        assertThrows(InvalidInputException.class, () -> MigrationSettings.fromJson(true, 5.0));
        assertThrows(InvalidInputException.class, () -> MigrationSettings.fromJson("true", 5));
        assertEquals(new MigrationSettings(true, 5), MigrationSettings.fromJson(true, 5));
    }
}
