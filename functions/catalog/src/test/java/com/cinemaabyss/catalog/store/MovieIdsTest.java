package com.cinemaabyss.catalog.store;

import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.dynamo.TableSetup;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MovieIdsTest {

    /** An in-memory counter standing in for the DynamoDB one; the real one is exercised by the modules' integration tests. */
    private static IdSequences counter() {
        AtomicLong value = new AtomicLong();
        return new IdSequences(null, new TableSetup(null, false), "unused") {
            @Override
            public long next(String sequence) {
                return value.incrementAndGet();
            }
        };
    }

    @Test
    void twoWritersNeverHandOutTheSameId() {
        MovieIds monolith = new MovieIds(counter(), 1, 2);
        MovieIds catalog = new MovieIds(counter(), 2, 2);
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(ids.add(monolith.next()));
            assertTrue(ids.add(catalog.next()));
        }
        assertEquals(2000, ids.size());
    }

    @Test
    void theMonolithKeepsCountingFromOneInOddSteps() {
        MovieIds monolith = new MovieIds(counter(), 1, 2);
        assertEquals(1, monolith.next());
        assertEquals(3, monolith.next());
        assertEquals(5, monolith.next());
    }

    @Test
    void anOffsetOutsideTheStrideIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MovieIds(counter(), 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new MovieIds(counter(), 0, 2));
    }
}
