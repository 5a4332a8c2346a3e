package com.cinemaabyss.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Benchmark 8: each function's latency against concurrency per instance. One warm process of each function (its
 * manifest's JVM options, as every benchmark runs it), {@code wrk -t1 -c<n>} against a representative route at each
 * of {@link #LEVELS}, one round per level, lowest first; from that curve the knee ({@link #knee}), and from the knee
 * the Knative settings the chart carries (target = knee, containerConcurrency = {@link #HARD_LIMIT_FACTOR} × knee,
 * printed as values.yaml lines by {@link #chartLines}) and the pods a stated load needs under Knative's KPA rules
 * ({@link Kpa}).
 *
 * <p>All {@link #FUNCTIONS}: the split's four (running for the whole suite) first, then {@link KneeProbes}' ten, each
 * started for its probe and stopped after it. A probe whose set-up fails or whose round sees non-2xx answers is
 * reported as failed and has no knee; so is every probe that the {@link TimeBudget} no longer affords. Time: each
 * function takes the warm-up, a settle of a second or two, and up to seven rounds (4 + 7 × 4 s at full length, 1 + 7 × 2 s
 * with --quick; fewer once it is saturated) and, for the
 * ten, a start and a set-up; {@code --only knee} runs under {@link BenchmarkSuite#KNEE_DEADLINE} instead of the full
 * run's nine minutes, and the full run measures only the split's four (already running) and names the others as not
 * measured.
 */
final class ConcurrencyKnee {

    static final List<Integer> LEVELS = List.of(1, 2, 4, 8, 16, 32, 64);
    /** The knee's rules: the median latency at most this many times that at one client ... */
    static final double P50_FACTOR = 2.0;
    /** ... and each doubling of the clients still adds at least this share of throughput. */
    static final double MIN_GROWTH = 0.10;
    /** The warm-up's clients: enough to compile the hot path, few enough not to queue a CPU-bound function (identity's Argon2id) past wrk's timeout. */
    static final int WARM_UP_CLIENTS = 8;
    /** Settling after the warm-up: at most this many one-second tries. */
    static final int SETTLE_TRIES = 10;
    /**
     * No higher level once the median is past this many times that at one client: the knee (at most 2×) is behind, and
     * more clients would only queue, past wrk's and the function's own timeouts for a CPU-bound one.
     */
    static final double SATURATED_FACTOR = 8.0;
    /** containerConcurrency = this × target: the KPA's panic threshold (200 %), so a pod never takes more than panic load. */
    static final int HARD_LIMIT_FACTOR = 2;

    /** Every function with a Knative Service: the split's four, then those {@link KneeProbes} starts one by one. */
    static final List<String> FUNCTIONS = Stream.concat(Stream.of("catalog", "monolith", "events", "gateway"),
            KneeProbes.FUNCTIONS.stream()).toList();

    /** One function's route under load. */
    record Probe(String function, String route, URI url, String script) {
    }

    /** A probe ready to run, and what stops what was started for it (nothing, for a function that runs anyway). */
    record Staged(Probe probe, Runnable stop) {
    }

    /** A function's probe, set up when the section reaches it. */
    record Entry(String function, Supplier<Staged> setUp) {

        /** A probe of a function that is already running. */
        static Entry running(Probe probe) {
            return new Entry(probe.function(), () -> new Staged(probe, () -> { }));
        }
    }

    /** What the section did not measure, and why. */
    record Missed(String function, String reason) {
    }

    /** How a reason starts when the run left the function out by choice (not a failure, not flagged). */
    static final String NOT_RUN_ON_PURPOSE = "left out of this run";

    /** What one level gave. */
    record Point(int clients, double requestsPerSecond, double p50Millis, double p99Millis) {
    }

    record Curve(String function, String route, List<Point> points) {

        /** The knee by {@link ConcurrencyKnee#knee}. */
        Point knee() {
            return ConcurrencyKnee.knee(points);
        }
    }

    private final Settings settings;
    private final Wrk wrk;
    private final String run;
    /** Functions whose requests at a level all outlasted the round twice: no higher level measured. */
    private final Map<String, Integer> saturatedAt = new LinkedHashMap<>();

    /** {@code run}: when and on what this run measured, as values.yaml's sources name it (e.g. "run 2026-11-26 on commit abc1234, 2 CPUs"). */
    ConcurrencyKnee(Settings settings, Wrk wrk, String run) {
        this.settings = settings;
        this.wrk = wrk;
        this.run = run;
    }

    /** The routes measured when the catalog, monolith, events and gateway run (BenchmarkSuite's split), movie ids 1..{@code movies}. */
    static List<Probe> probes(Rig rig, Wrk wrk, long movies) {
        String byId = wrk.randomIdScript("knee-movie-by-id", "/api/movies?id={id}", movies);
        String post = wrk.postJsonScript("knee-movie-event", EventIngest.EVENT);
        return List.of(
                new Probe("catalog", "GET /api/movies?id=N", rig.warmUrlOf("catalog"), byId),
                new Probe("monolith", "GET /api/movies?id=N", rig.warmUrlOf("monolith"), byId),
                new Probe("events", "POST /api/events/movie", rig.warmUrlOf("events").resolve("/api/events/movie"), post),
                new Probe("gateway", "GET /api/movies?id=N (split to catalog and monolith)", rig.warmUrlOf("gateway"), byId));
    }

    /**
     * Each entry in turn while {@code budget} affords one more (at the pace of those before); {@code notRun}: the
     * functions this run leaves out on purpose, with the reason (e.g. the full run's cheap subset).
     */
    Section run(List<Entry> entries, TimeBudget budget, List<Missed> notRun) {
        List<Curve> curves = new ArrayList<>();
        List<Missed> missed = new ArrayList<>();
        for (Entry entry : entries) {
            if (!budget.affords(1)) {
                missed.add(new Missed(entry.function(), "not run: the time left (" + budget.left().toSeconds()
                        + " s) was less than one probe took (" + budget.estimate(1).toSeconds() + " s)"));
                continue;
            }
            long began = budget.now();
            BenchmarkSuite.step("concurrency knee: " + entry.function());
            try {
                Staged staged = entry.setUp().get();
                try {
                    curves.add(measure(staged.probe()));
                } finally {
                    staged.stop().run();
                }
            } catch (RuntimeException e) {
                missed.add(new Missed(entry.function(), "failed: " + e.getMessage()));
            }
            budget.spent(Duration.ofNanos(budget.now() - began), 1);
        }
        missed.addAll(notRun);
        Section section = section(settings, curves, missed, run);
        if (saturatedAt.isEmpty()) {
            return section;
        }
        String saturated = "\nNo answer within a round (twice), so no higher level: " + String.join(", ", saturatedAt.entrySet().stream()
                .map(e -> e.getKey() + " at " + e.getValue() + " clients").toList()) + ".\n";
        return new Section(section.title(), section.markdown() + saturated, section.figures(), section.warnings());
    }

    private Curve measure(Probe probe) {
        wrk.run(probe.url(), WARM_UP_CLIENTS, settings.warmup(), probe.script());
        settle(probe);
        List<Point> points = new ArrayList<>();
        for (int clients : LEVELS) {
            WrkResult result = wrk.run(probe.url(), clients, settings.round(), probe.script());
            if (nothingAnswered(result)) {
                // A stall (a collection, a descheduled process) or every request longer than the round: once more.
                result = wrk.run(probe.url(), clients, settings.round(), probe.script());
                if (nothingAnswered(result) && !points.isEmpty()) {
                    saturatedAt.put(probe.function(), clients);
                    break;
                }
            }
            if (result.failureShare() > 0.01) {
                throw new IllegalStateException(probe.function() + " at " + clients + " clients: " + result.non2xx()
                        + " non-2xx answers and " + result.socketErrors() + " socket errors in " + result.requests() + " requests");
            }
            points.add(new Point(clients, result.requestsPerSecond(), result.p50Millis(), result.p99Millis()));
            if (saturated(points)) {
                break;
            }
        }
        return new Curve(probe.function(), probe.route(), points);
    }

    /**
     * Waits (one client, at most {@link #SETTLE_TRIES} s) until the function answers again at once: the warm-up's last
     * requests may still be queued in it when wrk stops, and the first level's client would wait behind them.
     */
    private void settle(Probe probe) {
        for (int i = 0; i < SETTLE_TRIES; i++) {
            if (wrk.run(probe.url(), 1, Duration.ofSeconds(1), probe.script()).requests() >= 2) {
                return;
            }
        }
    }

    /** No answer within the round, and no error either: the requests were still in flight when it ended. */
    static boolean nothingAnswered(WrkResult result) {
        return result.requests() == 0 && result.non2xx() == 0 && result.socketErrors() == 0;
    }

    /** Whether the last level's median is past {@link #SATURATED_FACTOR} × that at one client: far past any knee. */
    static boolean saturated(List<Point> points) {
        return points.getLast().p50Millis() > SATURATED_FACTOR * points.getFirst().p50Millis();
    }

    /**
     * The highest level reached while both hold at every level up to it: p50 ≤ {@link #P50_FACTOR} × the p50 at one
     * client, and throughput ≥ (1 + {@link #MIN_GROWTH}) × the level before's. At least the first level. The median,
     * not the p99: with one short round per level on shared cores, a p99 is set by a handful of stalled requests (a
     * collection, a descheduled process) and a rule on it picks noise; the p99 is reported beside it.
     */
    static Point knee(List<Point> points) {
        Point first = points.getFirst();
        Point knee = first;
        for (int i = 1; i < points.size(); i++) {
            Point point = points.get(i);
            boolean flat = point.p50Millis() <= P50_FACTOR * first.p50Millis();
            boolean growing = point.requestsPerSecond() >= (1 + MIN_GROWTH) * points.get(i - 1).requestsPerSecond();
            if (!flat || !growing) {
                break;
            }
            knee = point;
        }
        return knee;
    }

    /** Knative's KPA rules, as the chart's autoscaler runs them (Knative's defaults). */
    record Kpa(int target) {
        static final double UTILISATION = 0.70;
        static final int STABLE_WINDOW_S = 60;
        static final int PANIC_WINDOW_S = 6;
        static final double PANIC_THRESHOLD = 2.0;

        /** Pods for {@code concurrency} requests in flight on average over the stable window. */
        int pods(double concurrency) {
            return Math.max(1, (int) Math.ceil(concurrency / (target * UTILISATION)));
        }

        /** Whether {@code concurrency} over the panic window puts the autoscaler in panic mode with {@code pods} running. */
        boolean panics(double concurrency, int pods) {
            return concurrency / (pods * target * UTILISATION) >= PANIC_THRESHOLD;
        }
    }

    /** The load profile the README's table is computed for: requests per second at each function's measured route. */
    static final int PEAK_RATE = 500;
    /** A burst of this many times the peak within the panic window. */
    static final int BURST_FACTOR = 3;

    /** Pods each function needs at {@link #PEAK_RATE}, from its curve: Little's law at the knee's median latency. */
    static Table podsTable(List<Curve> curves) {
        Table table = new Table("function", "load req/s", "latency at the knee, p50 ms", "concurrency (rate × latency)",
                "target", "pods (stable, 60 s)", "burst ×" + BURST_FACTOR + " in 6 s", "pods after the burst (panic)");
        for (Curve curve : curves) {
            Point knee = curve.knee();
            Kpa kpa = new Kpa(knee.clients());
            double concurrency = PEAK_RATE * knee.p50Millis() / 1000;
            int pods = kpa.pods(concurrency);
            double burst = BURST_FACTOR * concurrency;
            table.row(curve.function(), PEAK_RATE, fmt("%.2f", knee.p50Millis()), fmt("%.1f", concurrency), knee.clients(), pods,
                    kpa.panics(burst, pods) ? "panic" : "no panic", kpa.pods(burst));
        }
        return table;
    }

    /**
     * The lines values.yaml carries under {@code functions.<name>} for each measured function (comments, target,
     * containerConcurrency, concurrencySource), in the form AutoscalingFromMeasurementTest holds against the report's
     * knee table; {@code run} names the run ("run 2026-11-26 on commit abc1234, 2 CPUs").
     */
    static String chartLines(List<Curve> curves, String run) {
        StringBuilder lines = new StringBuilder();
        for (Curve curve : curves) {
            Point knee = curve.knee();
            double ratio = knee.p50Millis() / curve.points().getFirst().p50Millis();
            lines.append("  ").append(curve.function()).append(":\n")
                    .append("    # From the knee measured by infra/bench/run --only knee (docs/benchmarks/REPORT.md, \"Concurrency knee\"):\n")
                    .append(String.format(Locale.ROOT, "    # %d clients on one instance, %.0f requests/s there, p50 %.2f ms (%.2fx the p50 at one client), p99 %.2f ms.\n",
                            knee.clients(), knee.requestsPerSecond(), knee.p50Millis(), ratio, knee.p99Millis()))
                    .append("    target: ").append(knee.clients()).append("\n")
                    .append("    containerConcurrency: ").append(HARD_LIMIT_FACTOR * knee.clients()).append("\n")
                    .append(String.format(Locale.ROOT, "    concurrencySource: \"measured: knee %d clients, %.0f req/s, p50 %.2f ms (docs/benchmarks/REPORT.md, Concurrency knee, %s);"
                            + " target = knee, containerConcurrency = %d x knee (the KPA panic threshold)\"\n",
                            knee.clients(), knee.requestsPerSecond(), knee.p50Millis(), run, HARD_LIMIT_FACTOR));
        }
        return lines.toString();
    }

    static Section section(Settings settings, List<Curve> curves, List<Missed> missed, String run) {
        Table curveTable = new Table("function", "route", "clients", "requests/s", "p50 ms", "p99 ms", "");
        Table knees = new Table("function", "knee (clients)", "p50 at the knee / at 1 client", "requests/s at the knee",
                "chart target", "chart containerConcurrency");
        for (Curve curve : curves) {
            Point knee = curve.knee();
            for (Point point : curve.points()) {
                curveTable.row(curve.function(), curve.route(), point.clients(), fmt("%.0f", point.requestsPerSecond()),
                        fmt("%.2f", point.p50Millis()), fmt("%.2f", point.p99Millis()), point == knee ? "**knee**" : "");
            }
            knees.row(curve.function(), knee.clients(), fmt("%.2f", knee.p50Millis() / curve.points().getFirst().p50Millis()) + "×",
                    fmt("%.0f", knee.requestsPerSecond()), knee.clients(), HARD_LIMIT_FACTOR * knee.clients());
        }
        String markdown = """
                One warm process of each function, started with its manifest's JVM options, all on this machine's
                CPUs: the split's four (catalog, monolith, events, gateway) run together for the whole suite; each other
                function is started for its probe, with what its route needs on loopback (the benchmark's JWKS and
                tokens, stand-ins for the functions it calls, rows written through its own routes), and stopped after it.
                `wrk -t1 -c<n>` at %s clients, one round of %d s per level after a %d s warm-up at %d clients,
                against the route named; no higher level once the median passes %.0f× that at one client (far past the knee). The **knee** is the highest level reached while, at every level up to it,
                the median latency (p50) stays at most %.1f× that at one client and doubling the clients still adds at
                least %d %% throughput. The median rather than the p99: with one short round per level on shared cores, a
                p99 is set by a handful of stalled requests, so a rule on it would pick noise; the p99 is in the table. The chart (infra/helm/cinemaabyss/values.yaml) takes each function's
                `autoscaling.knative.dev/target` from its knee and its `containerConcurrency` as %d× that (Knative's
                panic threshold: a pod never takes more than the load that would put the autoscaler in panic).

                %s
                %s
                Pods at a stated load, by Knative's KPA rules (stable window %d s, panic window %d s, panic threshold
                %.0f %%, target utilisation %.0f %%: desired pods = ceil(observed concurrency / (target × utilisation))),
                for %d requests/s at each function's route (the home-screen peak, each open reaching it once) and a
                burst of %d× that within the panic window. Observed concurrency is Little's law: the rate times the
                median latency at the knee (latency stays near it while pods run at or below their target).

                %s""".formatted(String.join(", ", LEVELS.stream().map(String::valueOf).toList()), settings.round().toSeconds(),
                settings.warmup().toSeconds(), WARM_UP_CLIENTS, SATURATED_FACTOR, P50_FACTOR, Math.round(MIN_GROWTH * 100), HARD_LIMIT_FACTOR, curveTable, knees,
                Kpa.STABLE_WINDOW_S, Kpa.PANIC_WINDOW_S, Kpa.PANIC_THRESHOLD * 100, Kpa.UTILISATION * 100, PEAK_RATE, BURST_FACTOR,
                podsTable(curves));
        if (!missed.isEmpty()) {
            markdown += "\nNot measured in this run:\n\n" + String.join("\n", missed.stream()
                    .map(m -> "- " + m.function() + ": " + m.reason()).toList()) + "\n";
        }
        if (!curves.isEmpty()) {
            markdown += "\nvalues.yaml's lines for the functions measured here (under `functions:`; carry them over once the run"
                    + " is one to trust, then run infra/bin/render-manifests):\n\n```yaml\n" + chartLines(curves, run) + "```\n";
        }
        List<String> warnings = missed.stream().filter(m -> !m.reason().startsWith(NOT_RUN_ON_PURPOSE))
                .map(m -> m.function() + " has no knee: " + m.reason()).toList();
        return new Section("Concurrency knee", markdown, List.of(), warnings);
    }

    private static String fmt(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
