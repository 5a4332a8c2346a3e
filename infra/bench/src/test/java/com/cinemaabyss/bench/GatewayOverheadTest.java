package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayOverheadTest {

    private static final Settings SETTINGS = Settings.full();

    /** Three rounds; p99 per round for catalog, monolith, gateway and nginx. */
    static Rounds rounds(double[] catalog, double[] monolith, double[] gateway, double[] nginx) {
        Rounds rounds = new Rounds();
        for (int i = 0; i < catalog.length; i++) {
            rounds.add(GatewayOverhead.CATALOG, new WrkResult(1000, catalog[i] / 3, catalog[i], 4000, 0, 0));
            rounds.add(GatewayOverhead.MONOLITH, new WrkResult(1000, monolith[i] / 3, monolith[i], 4000, 0, 0));
            rounds.add(GatewayOverhead.GATEWAY, new WrkResult(500, gateway[i] / 3, gateway[i], 2000, 0, 0));
            rounds.add(GatewayOverhead.NGINX, new WrkResult(800, nginx[i] / 3, nginx[i], 3200, 0, 0));
        }
        return rounds;
    }

    @Test
    void addedP99IsTakenRoundByRoundAndShownWithItsSpread() {
        // Direct p99 per round: 10, 10, 30. Gateway added per round: 5, 30, 2 (median 5); pooled it would be 32 − 10 = 22.
        Rounds rounds = rounds(new double[] {10, 10, 30}, new double[] {10, 10, 30}, new double[] {15, 40, 32}, new double[] {11, 12, 31});
        Section section = GatewayOverhead.section(SETTINGS, 1000, 50, List.of(), rounds, new GatewayCounters(1000, 1000, 0));
        String gatewayRow = line(section.markdown(), "| our gateway | ");
        assertTrue(gatewayRow.endsWith("| 5.00 (2.00–30.00) |"), gatewayRow);
        String nginxRow = line(section.markdown(), "| nginx | ");
        assertTrue(nginxRow.endsWith("| 1.00 (1.00–2.00) |"), nginxRow);
        Figure addedRatio = section.figures().get(1);
        assertEquals(List.of(5.0, 15.0, 2.0), addedRatio.ratio().values(), "the ratio pairs the same rounds too");
    }

    @Test
    void theDirectBaselineIsWeightedByTheConfiguredSplit() {
        // 25 % to the catalog: direct p99 = 0.25 × 40 + 0.75 × 8 = 16 in every round.
        Rounds rounds = rounds(new double[] {40, 40}, new double[] {8, 8}, new double[] {20, 22}, new double[] {17, 17});
        Section section = GatewayOverhead.section(SETTINGS, 1000, 25, List.of(), rounds, new GatewayCounters(250, 750, 0));
        String gatewayRow = line(section.markdown(), "| our gateway | ");
        assertTrue(gatewayRow.endsWith("| 5.00 (4.00–6.00) |"), gatewayRow);
    }

    @Test
    void reportsTheAchievedSplitAndFallbacks() {
        Rounds rounds = rounds(new double[] {10, 10}, new double[] {10, 10}, new double[] {12, 12}, new double[] {11, 11});
        Section section = GatewayOverhead.section(SETTINGS, 1000, 50, List.of(), rounds, new GatewayCounters(1990, 2010, 0));
        assertTrue(section.markdown().contains("4000 movie requests (wrk counted 4000), 1990 to the catalog and 2010 to the monolith, "
                + "so **49.8 % to the catalog against 50 % configured**; **0 fallbacks**"), section.markdown());
        assertEquals(List.of(), section.warnings(), "within the tolerance and no fallback: nothing to flag");
    }

    @Test
    void flagsASplitOffByMoreThanTheToleranceAndAnyFallback() {
        assertEquals(List.of(), GatewayOverhead.warnings(50, new GatewayCounters(4700, 5300, 0)), "3 points off is still fine");
        List<String> off = GatewayOverhead.warnings(50, new GatewayCounters(4000, 6000, 0));
        assertEquals(1, off.size());
        assertTrue(off.getFirst().contains("40.0 % of movie requests to the catalog, configured 50 %"), off.getFirst());
        List<String> fellBack = GatewayOverhead.warnings(50, new GatewayCounters(500, 500, 2));
        assertEquals(1, fellBack.size());
        assertTrue(fellBack.getFirst().contains("fell back to the monolith 2 times"), fellBack.getFirst());
        assertEquals(1, GatewayOverhead.warnings(50, new GatewayCounters(0, 0, 0)).size(), "nothing counted is flagged too");
        assertEquals(List.of(), GatewayOverhead.warnings(50, new GatewayCounters(79, 68, 0)),
                "53.7 % of 147 requests is what a fair coin gives: a short run is not flagged for chance");
        assertEquals(1, GatewayOverhead.warnings(50, new GatewayCounters(40, 107, 0)).size(), "27 % of 147 is no chance");
        assertEquals(GatewayOverhead.SPLIT_TOLERANCE_POINTS, GatewayOverhead.tolerancePoints(50, 100_000));
        assertEquals(3 * 100 * Math.sqrt(0.25 / 147), GatewayOverhead.tolerancePoints(50, 147), 1e-9);
    }

    @Test
    void theReportShowsFlagsAtTheTopAndInTheSection() {
        Rounds rounds = rounds(new double[] {10}, new double[] {10}, new double[] {12}, new double[] {11});
        Section section = GatewayOverhead.section(SETTINGS, 1000, 50, List.of(), rounds, new GatewayCounters(100, 900, 5));
        String report = Report.markdown(java.time.LocalDate.of(2026, 1, 2), new Machine(2, "CPU", 1024, "Linux", "JDK", "abc"),
                SETTINGS, java.time.Duration.ofSeconds(60), List.of(section), List.of(), null);
        assertTrue(report.indexOf("**Flagged in this run**") < report.indexOf("## Gateway overhead"), report);
        assertTrue(report.contains("- Gateway overhead: the gateway sent 10.0 % of movie requests"), report);
        assertTrue(report.contains("## Gateway overhead\n\n> **Flagged:** the gateway sent 10.0 %"), report);
        assertTrue(report.contains("> **Flagged:** the gateway fell back to the monolith 5 times"), report);
    }

    private static String line(String markdown, String prefix) {
        return markdown.lines().filter(l -> l.startsWith(prefix)).reduce((first, second) -> second).orElseThrow();
    }
}
