package com.cinemaabyss.bench;

import com.cinemaabyss.platform.ServiceSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * infra/bench/run: starts Kafka, DynamoDB Local and the functions on loopback, runs the five benchmarks, writes
 * docs/benchmarks/REPORT.md and its chart, and stops everything; after nine minutes it stops anyway and reports
 * what it measured so far, so that build plus run stay under ten. A single section ({@code --only}) has
 * {@link #SECTION_DEADLINE} instead, {@code --only knee} {@link #KNEE_DEADLINE}: it measures all fourteen functions,
 * about 32 s each plus ten starts; the full run's knee measures only the split's four and names the other ten as not
 * measured. Options: --quick (a short smoke run), --only
 * SECTION (one of gateway, events, catalog, playback, recommendations, bff, knee, cold-start, at full length), both writing to target/bench/report
 * instead; --root DIR; --events-env NAME=VALUE (repeatable: the events service's environment, e.g. its producer's linger).
 */
public final class BenchmarkSuite {

    /** Movies both tables hold for the proxy and cold-start benchmarks; also the catalog's baseline size. */
    static final long SEEDED_MOVIES = 1_000;
    /** A full run is stopped after this, whatever it is doing, so that build plus run stay under ten minutes. */
    static final Duration DEADLINE = Duration.ofMinutes(9);
    /** One section alone (--only) is stopped after this: the cold starts of every function, a gateway warmed until its JIT settles. */
    static final Duration SECTION_DEADLINE = Duration.ofMinutes(25);
    /**
     * {@code --only knee}'s limit instead: fourteen functions at a warm-up and seven rounds each (about 32 s at full
     * length), ten of them started for their probe and set up, take about 10 to 12 minutes on two cores.
     */
    static final Duration KNEE_DEADLINE = Duration.ofMinutes(20);
    /** The longest any run lasts: what the benchmark's access tokens are valid for. */
    static final Duration LONGEST_RUN = SECTION_DEADLINE;
    static final List<String> SECTIONS = List.of("gateway", "events", "catalog", "playback", "recommendations", "bff", "knee", "cold-start");
    /** The sections that measure the catalog, monolith, events and gateway started together (playback, recommendations and events alone start their own). */
    static final List<String> ON_THE_SPLIT = List.of("gateway", "catalog", "knee", "cold-start");
    /** Said when the BFF section did not run. */
    static final String FAN_OUT_NOT_MEASURED = "BFF fan-out (aim: the home screen's p99 ≤ its slowest dependency's p99 + 2 ms): "
            + "not run this time (--only bff runs it alone).";

    public static void main(String[] args) throws IOException {
        boolean quick = List.of(args).contains("--quick");
        String only = option(args, "--only", null);
        if (only != null && !SECTIONS.contains(only)) {
            System.err.println("--only takes one of " + String.join(", ", SECTIONS) + ", not " + only);
            System.exit(2);
        }
        Path root = Path.of(option(args, "--root", ".")).toAbsolutePath().normalize();
        Settings settings = quick ? Settings.quick() : Settings.full();
        Path work = root.resolve("target/bench");
        Path out = quick || only != null ? work.resolve("report") : root.resolve("docs/benchmarks");
        deleteRecursively(work);
        Files.createDirectories(work);
        // The functions, nginx and wrk are child processes: none may outlive the suite, however it ends.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));

        Duration deadline = deadline(only);
        BenchmarkSuite suite = new BenchmarkSuite(root, out, settings, Machine.describe(root), deadline);
        Thread.ofPlatform().daemon().start(() -> {
            FunctionProcess.pause(deadline.toMillis());
            if (suite.finishReport(List.of("the rest: the run hit its " + deadline.toMinutes() + "-minute limit before it"))) {
                step("over " + deadline.toMinutes() + " minutes: stopped, the report keeps what was measured");
                System.exit(3);
            }
        });
        suite.run(quick, only == null ? SECTIONS : List.of(only), eventsEnv(args));
        suite.finishReport(List.of());
        // Kafka's and the AWS SDK's non-daemon threads may linger after their close(); the run is over.
        System.exit(0);
    }

    private final Path root;
    private final Path out;
    private final Settings settings;
    private final Machine machine;
    private final Duration deadline;
    private final long began = System.nanoTime();
    private final List<Section> sections = new CopyOnWriteArrayList<>();
    private volatile Section inProgress;
    /** Said in the report's "Not measured" when the knee section left functions out (the full run's cheap subset). */
    private final List<String> leftOut = new CopyOnWriteArrayList<>();
    private boolean reported;

    private BenchmarkSuite(Path root, Path out, Settings settings, Machine machine, Duration deadline) {
        this.root = root;
        this.out = out;
        this.settings = settings;
        this.machine = machine;
        this.deadline = deadline;
    }

    /**
     * The run's limit: {@link #DEADLINE} for a full run, {@link #KNEE_DEADLINE} for {@code --only knee} (all fourteen
     * functions), {@link #SECTION_DEADLINE} for another section alone.
     */
    static Duration deadline(String only) {
        return only == null ? DEADLINE : "knee".equals(only) ? KNEE_DEADLINE : SECTION_DEADLINE;
    }

    /**
     * The knee's probes: with {@code --only knee} every function; in a full run (other sections chosen too) only the
     * split's four, which run anyway, the others named as left out (a start, a set-up and half a minute each would
     * not fit the full run's nine minutes).
     */
    static List<ConcurrencyKnee.Entry> kneeEntries(List<String> chosen, List<ConcurrencyKnee.Probe> split, KneeProbes others) {
        List<ConcurrencyKnee.Entry> entries = new ArrayList<>(split.stream().map(ConcurrencyKnee.Entry::running).toList());
        if (chosen.equals(List.of("knee"))) {
            entries.addAll(others.entries());
        }
        return entries;
    }

    static List<ConcurrencyKnee.Missed> kneeLeftOut(List<String> chosen) {
        return chosen.equals(List.of("knee")) ? List.of() : KneeProbes.FUNCTIONS.stream()
                .map(function -> new ConcurrencyKnee.Missed(function, ConcurrencyKnee.NOT_RUN_ON_PURPOSE
                        + " (the full run measures the split's four; `infra/bench/run --only knee` measures all fourteen)")).toList();
    }

    private void run(boolean quick, List<String> chosen, Map<String, String> eventsEnv) {
        Path work = root.resolve("target/bench");
        Wrk wrk = new Wrk(work);
        try (Rig rig = Rig.start(root, work); MovieLoader loader = new MovieLoader(rig.dynamo.endpoint())) {
            // The events service with the ingest benchmark's no-op floor open (closed by default), and --set's environment.
            Map<String, String> events = new HashMap<>(GatewayOverhead.plainGateway());
            events.putAll(EventIngest.NO_OP_SWITCH);
            events.putAll(eventsEnv);
            if (chosen.stream().anyMatch(ON_THE_SPLIT::contains)) {
                step("starting catalog, monolith, events and gateway");
                // The split, and the gateway without rate limit or token check (GatewayOverhead starts the others it compares).
                rig.startWarm(List.of("catalog", "monolith"), GatewayOverhead.plainGateway());
                rig.startWarmAs("events", "events", events);
                rig.startWarm(List.of("gateway"), GatewayOverhead.plainGateway());
                loader.load(List.of("catalog-movies", "monolith-movies"), 1, SEEDED_MOVIES);
            } else if (chosen.contains("events")) {
                step("starting events");
                rig.startWarmAs("events", "events", events);
            }
            measureIf(chosen, "gateway", "gateway overhead", () -> new GatewayOverhead(rig, settings, wrk, SEEDED_MOVIES, chosen.size() == 1 && !quick).run());
            measureIf(chosen, "events", "event ingest", () -> new EventIngest(rig, settings, wrk).run());
            measureIf(chosen, "catalog", "catalog at scale", () -> new CatalogAtScale(rig, settings, wrk, loader).run(SEEDED_MOVIES,
                    quick ? List.of((long) settings.scaleMovies()) : List.of(10_000L, (long) settings.scaleMovies())));
            measureIf(chosen, "playback", "playback decision", () -> new PlaybackDecision(rig, settings, wrk).run());
            measureIf(chosen, "recommendations", "recommendations, engine down against up",
                    () -> new RecommendationsLatency(rig, settings, wrk).run());
            measureIf(chosen, "bff", "BFF fan-out", () -> new BffFanOut(rig, settings, wrk).run());
            measureIf(chosen, "knee", "concurrency knee", () -> {
                try (BenchIdentity identity = BenchIdentity.start()) {
                    List<ConcurrencyKnee.Entry> entries = kneeEntries(chosen, ConcurrencyKnee.probes(rig, wrk, SEEDED_MOVIES),
                            new KneeProbes(rig, wrk, identity));
                    // The cold-start section after it needs its own minute or two in a full run: the knee stops three minutes short.
                    Duration reserve = chosen.contains("cold-start") ? Duration.ofMinutes(3) : Duration.ofSeconds(20);
                    if (!kneeLeftOut(chosen).isEmpty()) {
                        leftOut.add("Concurrency knee of " + String.join(", ", KneeProbes.FUNCTIONS) + ": not run this time (the full run"
                                + " measures the split's four; --only knee measures all fourteen).");
                    }
                    String run = "run " + LocalDate.now() + " on commit " + machine.commit() + ", " + machine.cpus() + " CPUs";
                    return new ConcurrencyKnee(settings, wrk, run).run(entries, TimeBudget.until(began + deadline.minus(reserve).toNanos()),
                            kneeLeftOut(chosen));
                }
            });
            // The monolith last: it never scales to zero, so its cold start matters least if time runs out.
            // Ten seconds short of the deadline: the last start must end, and its process stop, before it.
            measureIf(chosen, "cold-start", "cold start", () -> new ColdStart(rig, settings).run(
                    quick ? List.of("catalog") : coldStartOrder(rig, chosen.size() == 1),
                    TimeBudget.until(began + deadline.minusSeconds(10).toNanos()), partial -> inProgress = partial));
            inProgress = null;
        }
    }

    /**
     * The cold-start section's functions: the four on the split in a full run (its deadline allows no more), every
     * Knative Service alone; the movies function first, the monolith last (it never scales to zero, so its cold start
     * matters least if time runs out).
     */
    static List<String> coldStartOrder(List<String> services, boolean alone) {
        List<String> order = new ArrayList<>(List.of("catalog", "events", "gateway"));
        if (alone) {
            services.stream().filter(service -> !order.contains(service) && !service.equals("monolith")).forEach(order::add);
        }
        order.add("monolith");
        return order;
    }

    private static List<String> coldStartOrder(Rig rig, boolean alone) {
        return coldStartOrder(rig.wiring.services().stream().map(ServiceSpec::name).toList(), alone);
    }

    private void measureIf(List<String> chosen, String section, String label, Supplier<Section> benchmark) {
        if (chosen.contains(section)) {
            step(label);
            sections.add(benchmark.get());
        }
    }

    /** Writes the report once: false when it was already written (the run ended as the deadline struck). */
    private synchronized boolean finishReport(List<String> unfinished) {
        if (reported) {
            return false;
        }
        reported = true;
        try {
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            List<Section> done = new ArrayList<>(sections);
            if (inProgress != null) {
                done.add(inProgress);
            }
            List<String> notMeasured = new ArrayList<>(unfinished);
            notMeasured.addAll(leftOut);
            if (done.stream().noneMatch(section -> section.title().startsWith("BFF"))) {
                notMeasured.add(FAN_OUT_NOT_MEASURED);
            }
            Files.createDirectories(out);
            Files.writeString(out.resolve(Report.CHART_FILE), Chart.svg(done.stream().flatMap(section -> section.figures().stream()).toList()));
            Files.writeString(out.resolve("REPORT.md"), Report.markdown(LocalDate.now(), machine, settings, took, done, notMeasured, null));
            step("report written to " + out.resolve("REPORT.md") + " after " + took.toSeconds() + " s");
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final long STARTED = System.nanoTime();

    static void step(String what) {
        System.out.printf("benchmark [%3d s]: %s%n", (System.nanoTime() - STARTED) / 1_000_000_000, what);
    }

    /** Every {@code --events-env NAME=VALUE}: environment laid over the events service's, to try its settings. */
    static Map<String, String> eventsEnv(String[] args) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--events-env")) {
                String[] pair = args[i + 1].split("=", 2);
                if (pair.length != 2 || !pair[0].matches("[A-Z][A-Z0-9_]*")) {
                    throw new IllegalArgumentException("--events-env takes NAME=VALUE, not " + args[i + 1]);
                }
                env.put(pair[0], pair[1]);
            }
        }
        return env;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
