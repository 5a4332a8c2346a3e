package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProducerSummaryTest {

    @Test
    void takesTheFinalSummaryLineOfKafkasProducerTool() {
        String output = """
                139313 records sent, 27857.0 records/sec (7.97 MB/sec), 480.5 ms avg latency, 870.0 ms max latency.
                200000 records sent, 31201.248050 records/sec (8.93 MB/sec), 420.31 ms avg latency, 870.00 ms max latency, 399 ms 50th, 801 ms 95th, 850 ms 99th, 866 ms 99.9th.
                """;
        EventIngest.ProducerRun run = EventIngest.parseProducerSummary(output);
        assertEquals(31201.248050, run.recordsPerSecond(), 1e-6);
        assertEquals(399, run.p50Millis());
        assertEquals(850, run.p99Millis());
        assertThrows(IllegalArgumentException.class, () -> EventIngest.parseProducerSummary("Exception in thread main"));
    }
}
