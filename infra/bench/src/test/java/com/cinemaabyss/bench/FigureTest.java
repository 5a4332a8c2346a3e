package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FigureTest {

    @Test
    void verdictsSayWhetherAndByHowMuchAnAimIsMissed() {
        assertEquals("met", Figure.atLeast("throughput", Samples.of(0.9), 0.8).verdict());
        assertEquals("missed by 50%", Figure.atLeast("throughput", Samples.of(0.4), 0.8).verdict());
        assertEquals("met", Figure.atMost("cold start", Samples.of(0.3), 0.35).verdict());
        assertEquals("missed by 100%", Figure.atMost("p99", Samples.of(4.0), 2.0).verdict());
        assertEquals("—", Figure.informative("ingest", Samples.of(0.02)).verdict());
        assertEquals("≤ 0.35×", Figure.atMost("cold start", Samples.of(0.3), 0.35).aimText());
        assertEquals("≥ 0.80×", Figure.atLeast("throughput", Samples.of(0.9), 0.8).aimText());
    }
}
