package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayOverheadTest {

    private static final Settings SETTINGS = Settings.full();

    /** Rounds of p99 per round for catalog, monolith, gateway and nginx; the other two gateways as the gateway. */
    static Rounds rounds(double[] catalog, double[] monolith, double[] gateway, double[] nginx) {
        return rounds(catalog, monolith, gateway, gateway, gateway, nginx);
    }

    static Rounds rounds(double[] catalog, double[] monolith, double[] gateway, double[] jwt, double[] limited, double[] nginx) {
        Rounds rounds = new Rounds();
        for (int i = 0; i < catalog.length; i++) {
            rounds.add(GatewayOverhead.CATALOG, new WrkResult(1000, catalog[i] / 3, catalog[i], 4000, 0, 0));
            rounds.add(GatewayOverhead.MONOLITH, new WrkResult(1000, monolith[i] / 3, monolith[i], 4000, 0, 0));
            rounds.add(GatewayOverhead.GATEWAY, new WrkResult(500, gateway[i] / 3, gateway[i], 2000, 0, 0));
            rounds.add(GatewayOverhead.GATEWAY_JWT, new WrkResult(400 + i, jwt[i] / 3, jwt[i], 1600, 0, 0));
            rounds.add(GatewayOverhead.GATEWAY_LIMITED, new WrkResult(450, limited[i] / 3, limited[i], 1800, 0, 0));
            rounds.add(GatewayOverhead.NGINX, new WrkResult(800, nginx[i] / 3, nginx[i], 3200, 0, 0));
        }
        return rounds;
    }

    /** Every gateway counted {@code counted}. */
    static Map<String, GatewayCounters> all(GatewayCounters counted) {
        Map<String, GatewayCounters> all = new LinkedHashMap<>();
        GatewayOverhead.GATEWAYS.forEach(gateway -> all.put(gateway, counted));
        return all;
    }

    @Test
    void addedP99IsTakenRoundByRoundAndShownWithItsSpread() {
        // Direct p99 per round: 10, 10, 30. Gateway added per round: 5, 30, 2 (median 5); pooled it would be 32 − 10 = 22.
        Rounds rounds = rounds(new double[] {10, 10, 30}, new double[] {10, 10, 30}, new double[] {15, 40, 32}, new double[] {11, 12, 31});
        Section section = GatewayOverhead.section(SETTINGS, 1000, 50, List.of(), List.of(), rounds, all(new GatewayCounters(1000, 1000, 0)));
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
        Section section = GatewayOverhead.section(SETTINGS, 1000, 25, List.of(), List.of(), rounds, all(new GatewayCounters(250, 750, 0)));
        String gatewayRow = line(section.markdown(), "| our gateway | ");
        assertTrue(gatewayRow.endsWith("| 5.00 (4.00–6.00) |"), gatewayRow);
    }

    @Test
    void reportsTheAchievedSplitAndFallbacks() {
        Rounds rounds = rounds(new double[] {10, 10}, new double[] {10, 10}, new double[] {12, 12}, new double[] {11, 11});
        Section section = GatewayOverhead.section(SETTINGS, 1000, 50, List.of(), List.of(), rounds, all(new GatewayCounters(1990, 2010, 0)));
        assertTrue(section.markdown().contains("- our gateway: 4000 movie requests (wrk counted 4000), 1990 to the catalog and 2010 "
                + "to the monolith, so **49.8 % to the catalog against 50 % configured**; **0 fallbacks**"), section.markdown());
        assertTrue(section.markdown().contains("- our gateway, JWT required: 4000 movie requests (wrk counted 3200)"), section.markdown());
        assertTrue(section.markdown().contains("- our gateway, rate limit on: 4000 movie requests (wrk counted 3600)"), section.markdown());
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
        Section section = GatewayOverhead.section(SETTINGS, 1000, 50, List.of(), List.of(), rounds, all(new GatewayCounters(100, 900, 5)));
        String report = Report.markdown(java.time.LocalDate.of(2026, 1, 2), new Machine(2, "CPU", 1024, "Linux", "JDK", "abc"),
                SETTINGS, java.time.Duration.ofSeconds(60), List.of(section), List.of(), null);
        assertTrue(report.indexOf("**Flagged in this run**") < report.indexOf("## Gateway overhead"), report);
        assertTrue(report.contains("- Gateway overhead: the gateway sent 10.0 % of movie requests"), report);
        assertTrue(report.contains("## Gateway overhead\n\n> **Flagged:** the gateway sent 10.0 %"), report);
        assertTrue(report.contains("> **Flagged:** the gateway fell back to the monolith 5 times"), report);
    }

    @Test
    void theJwtGatewayIsComparedWithTheSameGatewayWithoutRoundByRound() {
        // Direct p99 10 in every round (p50 10/3). Without JWT the gateway adds 5, 30, 2 at p99; with it 10, 30, 8.
        Rounds rounds = rounds(new double[] {10, 10, 10}, new double[] {10, 10, 10}, new double[] {15, 40, 12},
                new double[] {20, 40, 18}, new double[] {16, 40, 12}, new double[] {11, 12, 11});
        Section section = GatewayOverhead.section(SETTINGS, 1000, 50, List.of(), List.of(), rounds, all(new GatewayCounters(500, 500, 0)));
        assertEquals(List.of(2.0, 1.0, 4.0), figure(section, "gateway added p99, JWT required / without").ratio().values());
        assertEquals(List.of(2.0, 1.0, 4.0), values(figure(section, "gateway added p50, JWT required / without").ratio()),
                "p50 is a third of p99 in these rounds, so the ratio is the same");
        assertEquals(List.of(400 / 500.0, 401 / 500.0, 402 / 500.0), figure(section, "gateway throughput, JWT required / without").ratio().values());
        assertEquals(List.of(450 / 500.0, 450 / 500.0, 450 / 500.0), figure(section, "gateway throughput, rate limit on / off").ratio().values());
        assertEquals(List.of(1.2, 1.0, 1.0), values(figure(section, "gateway added p50, rate limit on / off").ratio()));
        String jwtRow = line(section.markdown(), "| our gateway, JWT required | ");
        assertTrue(jwtRow.endsWith("| 10.00 (8.00–30.00) |"), jwtRow);
        String ratioRow = line(section.markdown(), "| **JWT required / the same gateway without** | ");
        assertEquals("| **JWT required / the same gateway without** | 0.80 (0.80–0.80)× | 2.00 (1.00–4.00)× | 2.00 (1.00–4.00)× |",
                ratioRow);
        assertEquals("gateway throughput / nginx throughput", section.figures().get(0).label(), "nginx's comparison stays first");
    }

    @Test
    void addedLatencyAtOrBelowZeroCountsAsTheMinimumInTheRatios() {
        // The gateway adds −2 and 0 at p99, the JWT gateway 1 and 3: ratios against 0.1, not against a negative number.
        Rounds rounds = rounds(new double[] {10, 10}, new double[] {10, 10}, new double[] {8, 10}, new double[] {11, 13},
                new double[] {10, 10}, new double[] {11, 11});
        Section section = GatewayOverhead.section(SETTINGS, 1000, 50, List.of(), List.of(), rounds, all(new GatewayCounters(500, 500, 0)));
        assertEquals(List.of(10.0, 30.0), values(figure(section, "gateway added p99, JWT required / without").ratio()));
    }

    @Test
    void theOtherGatewaysSplitsAndFallbacksAreFlaggedUnderTheirNames() {
        Map<String, GatewayCounters> counted = all(new GatewayCounters(500, 500, 0));
        counted.put(GatewayOverhead.GATEWAY_JWT, new GatewayCounters(1000, 0, 0));
        counted.put(GatewayOverhead.GATEWAY_LIMITED, new GatewayCounters(500, 500, 3));
        List<String> warnings = GatewayOverhead.warnings(50, counted);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("our gateway, JWT required: the gateway sent 100.0 % of movie requests"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("our gateway, rate limit on: the gateway fell back to the monolith 3 times"), warnings.get(1));
    }

    @Test
    void theGatewayComparedWithNginxNeitherLimitsNorChecksTokensAndTheOthersDifferInOneThingEach() {
        Map<String, String> plain = GatewayOverhead.plainGateway();
        assertEquals("false", plain.get("GATEWAY_RATE_LIMIT_ENABLED"), "wrk sends everything from one address");
        assertEquals("off", plain.get("LEGACY_AUTH"));
        assertEquals("50", plain.get("MOVIES_MIGRATION_PERCENT"));
        Map<String, String> jwt = GatewayOverhead.jwtGateway(java.net.URI.create("http://127.0.0.1:4242"));
        assertEquals("required", jwt.get("LEGACY_AUTH"));
        assertEquals("http://127.0.0.1:4242", jwt.get("IDENTITY_URL"));
        assertEquals("false", jwt.get("GATEWAY_RATE_LIMIT_ENABLED"));
        Map<String, String> limited = GatewayOverhead.limitedGateway();
        assertEquals("true", limited.get("GATEWAY_RATE_LIMIT_ENABLED"));
        assertEquals("local", limited.get("GATEWAY_RATE_LIMIT_STORE"));
        assertEquals("off", limited.get("LEGACY_AUTH"));
        assertEquals(Long.toString(GatewayOverhead.FAR_ABOVE_LOAD), limited.get("CINEMAABYSS_GATEWAY_RATELIMIT_ANONYMOUS_REQUESTS"));
        assertEquals(Long.toString(GatewayOverhead.FAR_ABOVE_LOAD), limited.get("CINEMAABYSS_GATEWAY_RATELIMIT_USER_REQUESTS"));
    }

    private static Figure figure(Section section, String label) {
        return section.figures().stream().filter(figure -> figure.label().equals(label)).findFirst().orElseThrow(() -> new AssertionError(label));
    }

    /** Rounded to 1e-9, so that 10 / 3 × 3 / (10 / 3) compares equal to 3. */
    private static List<Double> values(Samples samples) {
        return samples.values().stream().map(value -> Math.round(value * 1e9) / 1e9).toList();
    }

    private static String line(String markdown, String prefix) {
        return markdown.lines().filter(l -> l.startsWith(prefix)).reduce((first, second) -> second).orElseThrow();
    }

    @Test
    void saysHowEachTargetWasWarmed() {
        Rounds rounds = rounds(new double[] {10, 10}, new double[] {10, 10}, new double[] {12, 12}, new double[] {11, 11});
        String fixed = GatewayOverhead.section(SETTINGS, 1000, 50, List.of(), List.of(), rounds, all(new GatewayCounters(1000, 1000, 0))).markdown();
        assertTrue(fixed.contains("3 rounds after a 20 s warm-up of each target"), fixed);
        List<Warmup.Warmed> warmed = List.of(new Warmup.Warmed(GatewayOverhead.GATEWAY, java.time.Duration.ofSeconds(70), 0.031),
                new Warmup.Warmed(GatewayOverhead.GATEWAY_JWT, Warmup.CAP, 0.12));
        String settled = GatewayOverhead.section(SETTINGS, 1000, 50, List.of(), warmed, rounds, all(new GatewayCounters(1000, 1000, 0))).markdown();
        assertTrue(settled.contains("3 rounds after each JVM target was warmed until its JIT had settled (below), against"), settled);
        assertTrue(settled.indexOf("- **nginx**") < settled.indexOf("| our gateway | 70 | 3.1 % | yes |"), "the warm-up's table after the proxies");
        assertTrue(settled.contains("| our gateway | 70 | 3.1 % | yes |"), settled);
        assertTrue(settled.contains("| our gateway, JWT required | 150 | 12.0 % | **no** (cap reached) |"), settled);
    }
}
