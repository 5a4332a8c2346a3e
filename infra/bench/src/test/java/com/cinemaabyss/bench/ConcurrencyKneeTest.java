package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrencyKneeTest {

    private static List<ConcurrencyKnee.Point> curve(double[] rates, double[] p50s) {
        List<ConcurrencyKnee.Point> points = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            // p50 here; the p99 is four times it, and a stalled request's p99 spike (below) must not move the knee.
            points.add(new ConcurrencyKnee.Point(ConcurrencyKnee.LEVELS.get(i), rates[i], p50s[i], p50s[i] * 4));
        }
        return points;
    }

    @Test
    void theKneeIsTheLastLevelBeforeTheMedianDoublesOrThroughputStopsGrowing() {
        // The median more than doubles at 16 clients: the knee is 8.
        assertEquals(8, ConcurrencyKnee.knee(curve(new double[] {100, 190, 360, 700, 1300, 1500, 1500},
                new double[] {2, 2.2, 2.5, 3.5, 4.5, 9, 20})).clients());
        // Throughput grows by less than 10 % from 4 to 8 clients while latency is still flat: the knee is 4.
        assertEquals(4, ConcurrencyKnee.knee(curve(new double[] {100, 190, 360, 380, 400, 400, 400},
                new double[] {2, 2, 2, 2, 2, 2, 2})).clients());
        // Already worse at 2: one client.
        assertEquals(1, ConcurrencyKnee.knee(curve(new double[] {100, 105, 110, 110, 110, 110, 110},
                new double[] {2, 5, 9, 17, 33, 65, 130})).clients());
        // Never worse: the highest level measured.
        assertEquals(64, ConcurrencyKnee.knee(curve(new double[] {1, 2, 4, 8, 16, 32, 64},
                new double[] {2, 2, 2, 2, 2, 2, 2})).clients());
    }

    @Test
    void oneStalledRequestsP99DoesNotMoveTheKnee() {
        List<ConcurrencyKnee.Point> points = new ArrayList<>(curve(new double[] {100, 190, 360, 700, 1300, 1500, 1500},
                new double[] {2, 2.2, 2.5, 3.5, 4.5, 9, 20}));
        points.set(1, new ConcurrencyKnee.Point(2, 190, 2.2, 225));
        assertEquals(8, ConcurrencyKnee.knee(points).clients());
    }

    @Test
    void podsFollowKnativesKpaFormula() {
        ConcurrencyKnee.Kpa kpa = new ConcurrencyKnee.Kpa(10);
        // ceil(concurrency / (target × 0.7)): 7 in flight fit one pod, 7.1 need two, 70 need ten.
        assertEquals(1, kpa.pods(7));
        assertEquals(2, kpa.pods(7.1));
        assertEquals(10, kpa.pods(70));
        assertEquals(1, kpa.pods(0), "at least one pod for the table");
        // Panic when the panic window sees twice what the pods can take at their target utilisation.
        assertTrue(kpa.panics(28, 2));
        assertFalse(kpa.panics(27.9, 2));
    }

    @Test
    void theSectionNamesEachKneeAndTheChartSettingsDerivedFromIt() {
        ConcurrencyKnee.Curve catalog = new ConcurrencyKnee.Curve("catalog", "GET /api/movies?id=N", curve(
                new double[] {100, 190, 360, 700, 1300, 1500, 1500}, new double[] {2, 2.2, 2.5, 3.5, 4.5, 9, 20}));
        String markdown = ConcurrencyKnee.section(Settings.quick(), List.of(catalog)).markdown();
        assertTrue(markdown.contains("| catalog | 8 | 1.75× | 700 | 8 | 16 |"), markdown);
        // 500 req/s × 3.5 ms = 1.75 in flight: one pod at target 8; a triple burst still one pod.
        assertTrue(markdown.contains("| catalog | 500 | 3.50 | 1.8 | 8 | 1 | no panic | 1 |"), markdown);
    }
}
