package com.cinemaabyss.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark 8: each function's latency against concurrency per instance. One warm process of each function (its
 * manifest's JVM options, as every benchmark runs it), {@code wrk -t1 -c<n>} against a representative route at each
 * of {@link #LEVELS}, one round per level, lowest first; from that curve the knee ({@link #knee}), and from the knee
 * the Knative settings the chart carries (target = knee, containerConcurrency = {@link #HARD_LIMIT_FACTOR} × knee)
 * and the pods a stated load needs under Knative's KPA rules ({@link Kpa}).
 */
final class ConcurrencyKnee {

    static final List<Integer> LEVELS = List.of(1, 2, 4, 8, 16, 32, 64);
    /** The knee's rules: the median latency at most this many times that at one client ... */
    static final double P50_FACTOR = 2.0;
    /** ... and each doubling of the clients still adds at least this share of throughput. */
    static final double MIN_GROWTH = 0.10;
    /** containerConcurrency = this × target: the KPA's panic threshold (200 %), so a pod never takes more than panic load. */
    static final int HARD_LIMIT_FACTOR = 2;

    /** One function's route under load. */
    record Probe(String function, String route, URI url, String script) {
    }

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

    ConcurrencyKnee(Settings settings, Wrk wrk) {
        this.settings = settings;
        this.wrk = wrk;
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

    Section run(List<Probe> probes) {
        List<Curve> curves = new ArrayList<>();
        for (Probe probe : probes) {
            wrk.run(probe.url(), LEVELS.getLast(), settings.warmup(), probe.script());
            List<Point> points = new ArrayList<>();
            for (int clients : LEVELS) {
                WrkResult result = wrk.run(probe.url(), clients, settings.round(), probe.script());
                if (result.failureShare() > 0.01) {
                    throw new IllegalStateException(probe.function() + " at " + clients + " clients: " + result.non2xx()
                            + " non-2xx answers and " + result.socketErrors() + " socket errors in " + result.requests() + " requests");
                }
                points.add(new Point(clients, result.requestsPerSecond(), result.p50Millis(), result.p99Millis()));
            }
            curves.add(new Curve(probe.function(), probe.route(), points));
        }
        return section(settings, curves);
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

    static Section section(Settings settings, List<Curve> curves) {
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
                CPUs; `wrk -t1 -c<n>` at %s clients, one round of %d s per level after a %d s warm-up at the highest,
                against the route named. The **knee** is the highest level reached while, at every level up to it,
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
                settings.warmup().toSeconds(), P50_FACTOR, Math.round(MIN_GROWTH * 100), HARD_LIMIT_FACTOR, curveTable, knees,
                Kpa.STABLE_WINDOW_S, Kpa.PANIC_WINDOW_S, Kpa.PANIC_THRESHOLD * 100, Kpa.UTILISATION * 100, PEAK_RATE, BURST_FACTOR,
                podsTable(curves));
        return new Section("Concurrency knee", markdown, List.of());
    }

    private static String fmt(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
