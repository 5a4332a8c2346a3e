package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WrkResultTest {

    static final String OUTPUT = """
            Running 5s test @ http://127.0.0.1:8081/
              1 threads and 16 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    10.45ms    5.12ms  80.33ms   75.00%
                Req/Sec     1.55k   210.00     1.90k    70.00%
              Latency Distribution
                 50%  950.00us
                 75%   12.10ms
                 90%   16.40ms
                 99%    1.20s
              7745 requests in 5.00s, 2.10MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 12
            Requests/sec:   1548.91
            Transfer/sec:    430.12KB
            """;

    @Test
    void readsThroughputPercentilesInMillisecondsAndFailures() {
        WrkResult result = WrkResult.parse(OUTPUT);
        assertEquals(1548.91, result.requestsPerSecond(), 1e-9);
        assertEquals(0.95, result.p50Millis(), 1e-9);
        assertEquals(1200.0, result.p99Millis(), 1e-9);
        assertEquals(7745, result.requests());
        assertEquals(12, result.non2xx());
        assertEquals(3, result.socketErrors());
        assertEquals(15.0 / 7745, result.failureShare(), 1e-12);
    }

    @Test
    void outputWithoutLatencyDistributionIsRejected() {
        String withoutDistribution = OUTPUT.replaceAll("(?m)^\\s+\\d+%.*$\\n", "");
        assertThrows(IllegalArgumentException.class, () -> WrkResult.parse(withoutDistribution));
        assertThrows(IllegalArgumentException.class, () -> WrkResult.parse("wrk: command not found"));
    }
}
