package com.cinemaabyss.kit.dynamo;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterleavedIdsTest {

    @Test
    void twoWritersWithDifferentResiduesNeverHandOutTheSameId() {
        InterleavedIds odd = new InterleavedIds(null, "users", 1, 2);
        InterleavedIds even = new InterleavedIds(null, "users", 2, 2);
        InterleavedIds evenAboveLegacy = new InterleavedIds(null, "users", 1_000, 2);
        Set<Long> seen = new HashSet<>();
        for (long n = 1; n <= 1_000; n++) {
            assertTrue(seen.add(odd.at(n)));
            assertTrue(seen.add(even.at(n)));
            assertTrue(odd.owns(odd.at(n)) && !odd.owns(even.at(n)));
            assertTrue(even.owns(evenAboveLegacy.at(n)));
        }
        assertEquals(1, odd.at(1));
        assertEquals(5, odd.at(3));
        assertEquals(2, even.at(1));
        assertEquals(1_000, evenAboveLegacy.at(1));
        assertFalse(evenAboveLegacy.owns(998));
    }

    @Test
    void nonsenseProgressionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new InterleavedIds(null, "users", 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new InterleavedIds(null, "users", 1, 0));
    }
}
