package com.cinemaabyss.bench;

import com.cinemaabyss.platform.KnativeWiring;
import com.cinemaabyss.platform.ServiceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrencyKneeTest {

    private static final String RUN = "run 2026-11-26 on commit abc1234, 2 CPUs";

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
        String markdown = ConcurrencyKnee.section(Settings.quick(), List.of(catalog), List.of(), RUN).markdown();
        assertTrue(markdown.contains("| catalog | 8 | 1.75× | 700 | 8 | 16 |"), markdown);
        // 500 req/s × 3.5 ms = 1.75 in flight: one pod at target 8; a triple burst still one pod.
        assertTrue(markdown.contains("| catalog | 500 | 3.50 | 1.8 | 8 | 1 | no panic | 1 |"), markdown);
    }

    @Test
    void theChartLinesCarryTheKneeAndNameTheRunAsTheManifestTestExpects() {
        ConcurrencyKnee.Curve identity = new ConcurrencyKnee.Curve("identity", "POST /api/auth/login", curve(
                new double[] {15, 29, 30, 30, 30, 30, 30}, new double[] {60, 65, 130, 260, 520, 1000, 2000}));
        String lines = ConcurrencyKnee.chartLines(List.of(identity), RUN);
        assertTrue(lines.startsWith("  identity:\n"), lines);
        assertTrue(lines.contains("\n    target: 2\n    containerConcurrency: 4\n"), lines);
        // AutoscalingFromMeasurementTest: "measured", the report, "knee <n>", a 7-digit commit and a date.
        assertTrue(lines.contains("    concurrencySource: \"measured: knee 2 clients, 29 req/s, p50 65.00 ms (docs/benchmarks/REPORT.md,"
                + " Concurrency knee, run 2026-11-26 on commit abc1234, 2 CPUs); target = knee, containerConcurrency = 2 x knee"
                + " (the KPA panic threshold)\"\n"), lines);
        assertTrue(lines.contains("    # 2 clients on one instance, 29 requests/s there, p50 65.00 ms (1.08x the p50 at one client), p99 260.00 ms.\n"), lines);
        String markdown = ConcurrencyKnee.section(Settings.quick(), List.of(identity), List.of(), RUN).markdown();
        assertTrue(markdown.contains("```yaml\n" + lines + "```"), markdown);
    }

    @Test
    void aFunctionLeftOutOnPurposeIsListedAndOneThatFailedIsFlagged() {
        ConcurrencyKnee.Curve catalog = new ConcurrencyKnee.Curve("catalog", "GET /api/movies?id=N", curve(
                new double[] {100, 190, 360, 700, 1300, 1500, 1500}, new double[] {2, 2.2, 2.5, 3.5, 4.5, 9, 20}));
        Section section = ConcurrencyKnee.section(Settings.quick(), List.of(catalog), List.of(
                new ConcurrencyKnee.Missed("identity", ConcurrencyKnee.NOT_RUN_ON_PURPOSE + " (the full run)"),
                new ConcurrencyKnee.Missed("payments", "failed: payments at 8 clients: 12 non-2xx answers")), RUN);
        assertTrue(section.markdown().contains("- identity: left out of this run (the full run)"), section.markdown());
        assertTrue(section.markdown().contains("- payments: failed: payments at 8 clients: 12 non-2xx answers"), section.markdown());
        assertEquals(List.of("payments has no knee: failed: payments at 8 clients: 12 non-2xx answers"), section.warnings());
        assertFalse(section.markdown().contains("| payments |"), "no knee row for a failed probe: " + section.markdown());
    }

    @Test
    void aProbeThatFailsIsStoppedAndReportedAndTheRestStillRunWhileTheBudgetLasts(@TempDir Path dir) {
        AtomicLong clock = new AtomicLong();
        TimeBudget budget = new TimeBudget(Duration.ofSeconds(50).toNanos(), clock::get);
        List<String> stopped = new ArrayList<>();
        List<String> setUp = new ArrayList<>();
        // Not on loopback: Wrk refuses it before any traffic, as a probe whose first round fails.
        ConcurrencyKnee.Probe elsewhere = new ConcurrencyKnee.Probe("payments", "GET /x", URI.create("http://192.0.2.1:1/x"), null);
        List<ConcurrencyKnee.Entry> entries = List.of(
                new ConcurrencyKnee.Entry("identity", () -> {
                    setUp.add("identity");
                    clock.addAndGet(Duration.ofSeconds(10).toNanos());
                    throw new IllegalStateException("POST /api/auth/register answered 400");
                }),
                new ConcurrencyKnee.Entry("payments", () -> {
                    setUp.add("payments");
                    clock.addAndGet(Duration.ofSeconds(10).toNanos());
                    return new ConcurrencyKnee.Staged(elsewhere, () -> stopped.add("payments"));
                }),
                // 20 s spent on two probes, 30 s left: one more fits (10 s each) ...
                new ConcurrencyKnee.Entry("profile", () -> {
                    setUp.add("profile");
                    clock.addAndGet(Duration.ofSeconds(25).toNanos());
                    throw new IllegalStateException("profile exited");
                }),
                // ... then 5 s are left for a pace of 15 s a probe: not run.
                new ConcurrencyKnee.Entry("notifications", () -> {
                    setUp.add("notifications");
                    throw new AssertionError("must not start");
                }));
        Section section = new ConcurrencyKnee(Settings.quick(), new Wrk(dir), RUN).run(entries, budget, List.of());
        assertEquals(List.of("identity", "payments", "profile"), setUp);
        assertEquals(List.of("payments"), stopped, "what was started for a probe is stopped although its rounds failed");
        assertEquals(4, section.warnings().size(), section.warnings().toString());
        assertTrue(section.warnings().get(0).startsWith("identity has no knee: failed: POST /api/auth/register answered 400"), section.warnings().toString());
        assertTrue(section.warnings().get(1).startsWith("payments has no knee: failed: "), section.warnings().toString());
        assertTrue(section.warnings().get(3).startsWith("notifications has no knee: not run: the time left (5 s) was less than one probe took (15 s)"),
                section.warnings().toString());
    }

    @Test
    void theKneeCoversEveryFunctionWithAKnativeService() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("knative/serving"))) {
            root = root.getParent();
        }
        List<String> services = KnativeWiring.load(root.resolve("knative")).services().stream().map(ServiceSpec::name).sorted().toList();
        assertEquals(services, ConcurrencyKnee.FUNCTIONS.stream().sorted().toList());
        assertEquals(14, ConcurrencyKnee.FUNCTIONS.size());
        assertEquals(ConcurrencyKnee.FUNCTIONS.size(), Set.copyOf(ConcurrencyKnee.FUNCTIONS).size(), "each once");
    }

    @Test
    void noHigherLevelOnceTheMedianIsFarPastTheKnee() {
        // identity's logins: two hashes at once, so the median grows with the queue.
        List<ConcurrencyKnee.Point> points = curve(new double[] {15, 29, 30, 30, 30}, new double[] {60, 65, 130, 260, 520});
        assertFalse(ConcurrencyKnee.saturated(points.subList(0, 4)), "260 ms is 4.3× 60 ms");
        assertTrue(ConcurrencyKnee.saturated(points), "520 ms is 8.7× 60 ms: 32 and 64 clients would only queue");
        assertEquals(2, ConcurrencyKnee.knee(points).clients(), "the knee from the levels measured");
    }

    @Test
    void aRoundWithNoAnswerAndNoErrorIsTakenForRequestsStillInFlightNotForFailures() {
        assertTrue(ConcurrencyKnee.nothingAnswered(new WrkResult(0, 0, 0, 0, 0, 0)));
        assertFalse(ConcurrencyKnee.nothingAnswered(new WrkResult(0, 0, 0, 0, 0, 3)), "timeouts are failures");
        assertFalse(ConcurrencyKnee.nothingAnswered(new WrkResult(10, 5, 9, 20, 20, 0)), "non-2xx answers are failures");
        assertFalse(ConcurrencyKnee.nothingAnswered(new WrkResult(10, 5, 9, 20, 0, 0)));
    }
}
