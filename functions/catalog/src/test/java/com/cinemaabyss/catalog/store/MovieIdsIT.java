package com.cinemaabyss.catalog.store;

import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.test.SharedTestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Movie ids from the real DynamoDB counters (DynamoDB Local): two writers, each with its own table, never collide. */
class MovieIdsIT {

    private static final DynamoDbClient DYNAMO = SharedTestInfra.dynamo().client();

    @AfterAll
    static void close() {
        DYNAMO.close();
    }

    /** A writer's own counter table, as each side of the migration has. */
    private static IdSequences counterTable() {
        return new IdSequences(DYNAMO, new TableSetup(DYNAMO, true), "sequences-" + UUID.randomUUID());
    }

    @Test
    void twoWritersHandingOutIdsConcurrentlyNeverHandOutTheSameOne() throws Exception {
        MovieIds monolith = new MovieIds(counterTable(), 1, 2);
        MovieIds catalog = new MovieIds(counterTable(), 2, 2);
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        List<Future<?>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 100; i++) {
                calls.add(pool.submit(() -> assertTrue(ids.add(monolith.next()), "an id was handed out twice")));
                calls.add(pool.submit(() -> assertTrue(ids.add(catalog.next()), "an id was handed out twice")));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
        assertEquals(200, ids.size());
        assertEquals(100, ids.stream().filter(id -> id % 2 == 1).count(), "the monolith's ids are the odd ones");
        assertTrue(ids.stream().allMatch(id -> id >= 1 && id <= 200), "no id is skipped: " + ids);
    }

    @Test
    void theMonolithKeepsCountingFromOneInOddSteps() {
        MovieIds monolith = new MovieIds(counterTable(), 1, 2);
        assertEquals(1, monolith.next());
        assertEquals(3, monolith.next());
        assertEquals(5, monolith.next());
    }

    @Test
    void anOffsetOutsideTheStrideIsRejected() {
        IdSequences sequences = counterTable();
        assertThrows(IllegalArgumentException.class, () -> new MovieIds(sequences, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new MovieIds(sequences, 0, 2));
    }
}
