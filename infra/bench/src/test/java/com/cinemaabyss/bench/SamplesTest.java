package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SamplesTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Samples.of(5, 1, 3).median());
        assertEquals(2.5, Samples.of(4, 1, 2, 3).median());
        assertEquals(1.0, Samples.of(4, 1, 2, 3).min());
        assertEquals(4.0, Samples.of(4, 1, 2, 3).max());
    }

    @Test
    void pairedRoundsAreDividedRoundByRound() {
        Samples ratio = Samples.of(10, 30, 20).over(Samples.of(5, 10, 20));
        assertEquals(List.of(2.0, 3.0, 1.0), ratio.values());
        assertEquals(2.0, ratio.median());
    }

    @Test
    void unpairedSamplesDivideTheirMedians() {
        assertEquals(List.of(3.2), Samples.of(8, 8, 8).over(Samples.of(1, 2, 3, 100)).values(), "8 / 2.5");
    }

    @Test
    void differencesAndFormatting() {
        Samples added = Samples.of(12, 15, 11).minus(Samples.of(10, 10, 10));
        assertEquals(List.of(2.0, 5.0, 1.0), added.values());
        assertEquals("2.0 (1.0–5.0)", added.format("%.1f"));
        assertEquals("7.00", Samples.of(7).format("%.2f"));
    }

    @Test
    void noMeasurementsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> new Samples(List.of()));
    }
}
