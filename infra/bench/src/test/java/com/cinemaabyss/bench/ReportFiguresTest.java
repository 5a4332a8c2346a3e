package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report holds only what its run measured: rendered from different sets of fake measurements (same settings,
 * same machine), every number that stays put must be a setting, an aim or a constant of the method; numbers typed
 * in from earlier runs would stay put too, and fail.
 */
class ReportFiguresTest {

    private static final Settings SETTINGS = Settings.full();
    private static final LocalDate DATE = LocalDate.of(2026, 11, 25);
    private static final Machine MACHINE = new Machine(2, "Some CPU", 4096, "Linux 6", "Eclipse Adoptium 25", "abc1234");
    /** A number as the report writes it: 12, 0.35, 10,000, 10k; not the digits inside words (p99, -Xss512k, abc1234). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d[\\w.,]*");
    /** Derived from the ratio and the aim, both checked on their own; "met" has no number to line up with. */
    private static final Pattern VERDICT = Pattern.compile("missed by \\d+%");

    /** Figures the code used to type into the report: earlier runs' spread, profiles, another machine's times. */
    private static final List<String> DENIED_NUMBERS = List.of("0.60", "0.67", "0.3", "0.6", "1,000", "100", "483", "514");
    /** The same as written around them, and figures in words; none of them can come out of a measurement. */
    private static final List<String> DENIED_PHRASES = List.of("0.60–0.67", "0.3 s", "0.6 s", "1,000 requests", "Tomcat's 100",
            "a third", "about half", "halved", "hundreds", "two cores", "six runs", "JEP 483");

    @Test
    void everyNumberThatDoesNotMoveWithTheMeasurementsIsASettingAnAimOrAConstant() {
        Set<String> unexplained = new TreeSet<>(fixedNumbers());
        unexplained.removeAll(allowed());
        assertEquals(Set.of(), unexplained, "numbers in the report that no measurement of the run gave");
    }

    @Test
    void theProseFollowsTheMeasurements() {
        String first = render(1);
        String second = render(2);
        assertNotEquals(prose(first), prose(second), "the text around the tables changes with the measurements");
        List<String> firstProse = numbers(prose(first));
        List<String> secondProse = numbers(prose(second));
        assertEquals(firstProse.size(), secondProse.size());
        long moved = IntStream.range(0, firstProse.size()).filter(i -> !firstProse.get(i).equals(secondProse.get(i))).count();
        assertTrue(moved > 0, "some numbers in the prose are measurements");
        assertTrue(numbers(first).size() > 5 * fixedNumbers().size(), "most numbers in the report are measurements");
    }

    @Test
    void noFigureFromEarlierRunsOrOtherMachines() {
        Set<String> fixed = fixedNumbers();
        for (String denied : DENIED_NUMBERS) {
            assertFalse(fixed.contains(denied), denied + " is in every report, whatever was measured");
        }
        for (long seed : new long[] {1, 2, 3}) {
            String report = render(seed);
            for (String denied : DENIED_PHRASES) {
                // As written, not inside another number: 10.6 s is no 0.6 s.
                assertFalse(Pattern.compile("(?<![\\w.])" + Pattern.quote(denied)).matcher(report).find(),
                        "'" + denied + "' is not something this run measured:\n" + report);
            }
        }
    }

    /**
     * The numbers at the same place in three reports from three sets of measurements. Measured values could
     * agree by chance in two reports; in all three, only what does not depend on them does.
     */
    private static Set<String> fixedNumbers() {
        List<List<String>> reports = LongStream.of(1, 2, 3).mapToObj(seed -> numbers(render(seed))).toList();
        List<String> first = reports.getFirst();
        reports.forEach(numbers -> assertEquals(first.size(), numbers.size(), "every report has the same shape"));
        return IntStream.range(0, first.size()).filter(i -> reports.stream().allMatch(numbers -> numbers.get(i).equals(first.get(i))))
                .mapToObj(first::get).collect(Collectors.toCollection(TreeSet::new));
    }

    /** What may stay put: the run's settings, the aims, the method's constants, HTTP statuses, date and machine. */
    private static Set<String> allowed() {
        Set<String> allowed = new TreeSet<>();
        long seeded = BenchmarkSuite.SEEDED_MOVIES;
        for (long movies : List.of(seeded, 10_000L, (long) SETTINGS.scaleMovies())) {
            allowed.addAll(List.of(Long.toString(movies), "%,d".formatted(movies), (movies / 1000) + "k"));
        }
        for (long setting : List.of((long) SETTINGS.rounds(), SETTINGS.round().toSeconds(), SETTINGS.warmup().toSeconds(),
                SETTINGS.proxyWarmup().toSeconds(), (long) SETTINGS.connections(), (long) SETTINGS.coldStarts(),
                (long) Math.min(ColdStart.OTHER_STARTS, SETTINGS.coldStarts()), (long) GatewayOverhead.MOVIES_PERCENT)) {
            allowed.add(Long.toString(setting));
        }
        // Aims: every function's shipped cold start "≤ 0.30×", the movies function's "≤ 1.0 s", fan-out's "+ 2 ms".
        allowed.addAll(List.of("0.90", "0.80", "2.00", "1.50", "%.2f".formatted(ColdStart.SHIPPED_AIM), "1.0", "2"));
        // Constants of the method, each written into the report where it is used.
        for (long constant : List.of(FunctionProcess.POLL_MILLIS, ColdStart.RSS_DELAY_MILLIS, (long) CatalogAtScale.PAGE_LIMIT,
                (long) CatalogAtScale.CURSOR_CALLS, (long) CatalogAtScale.LIST_CALLS, CatalogAtScale.LIST_TIME.toSeconds(),
                (long) GatewayOverhead.SPLIT_TOLERANCE_POINTS, (long) BenchIdentity.KEY_BITS, Warmup.STEP.toSeconds(),
                Math.round(100 * Warmup.SETTLED_SHARE), Warmup.CAP.toSeconds())) {
            allowed.add(Long.toString(constant));
        }
        allowed.add("%,d".formatted(GatewayOverhead.FAR_ABOVE_LOAD));
        allowed.add("%.1f".formatted(GatewayOverhead.MIN_ADDED_MILLIS));
        allowed.add("1");       // /api/movies?id=1, linger.ms=1
        allowed.add("%.2f".formatted(EventIngest.AIM));
        allowed.add(Integer.toString(EventIngest.CLIENTS));
        allowed.add("1.00");    // a baseline over itself
        allowed.addAll(List.of("200", "201"));
        allowed.addAll(List.of("2026", "11", "25", "4,096", "6"));
        return allowed;
    }

    /** A report from measurements drawn from {@code seed}: every measured value differs between seeds. */
    static String render(long seed) {
        // java.util.Random's first draws from neighbouring seeds are nearly equal: scatter the seeds first.
        Random random = new Random(new SplittableRandom(seed).nextLong());
        List<Section> sections = List.of(gateway(random), events(random), catalog(random), coldStart(random));
        Duration took = Duration.ofSeconds(120 + random.nextInt(420));
        return Report.markdown(DATE, MACHINE, SETTINGS, took, sections, List.of(BenchmarkSuite.FAN_OUT_NOT_MEASURED), null);
    }

    private static Section gateway(Random random) {
        Rounds rounds = new Rounds();
        for (int round = 0; round < SETTINGS.rounds(); round++) {
            for (String target : List.of(GatewayOverhead.CATALOG, GatewayOverhead.MONOLITH, GatewayOverhead.GATEWAY,
                    GatewayOverhead.GATEWAY_JWT, GatewayOverhead.GATEWAY_LIMITED, GatewayOverhead.NGINX)) {
                rounds.add(target, wrk(random));
            }
        }
        Map<String, GatewayCounters> counted = new LinkedHashMap<>();
        for (String gateway : GatewayOverhead.GATEWAYS) {
            double requests = 3000 + random.nextInt(3000);
            double catalog = Math.round(requests * (0.49 + random.nextDouble() * 0.02));
            // A few fallbacks, so that both reports carry the same flag.
            counted.put(gateway, new GatewayCounters(catalog, requests - catalog, 1 + random.nextInt(20)));
        }
        List<String> options = List.of("-XX:MaxRAMPercentage=" + (50 + random.nextInt(40)), "-XX:TieredStopAtLevel=1");
        // Warmed until the JIT settled (a run of the section alone), each target for its own time and share.
        List<Warmup.Warmed> warmed = new ArrayList<>();
        for (String target : List.of(GatewayOverhead.CATALOG, GatewayOverhead.MONOLITH, GatewayOverhead.GATEWAY)) {
            warmed.add(new Warmup.Warmed(target, Duration.ofSeconds(30 + 10L * random.nextInt(10)), random.nextDouble() * 0.2));
        }
        return GatewayOverhead.section(SETTINGS, BenchmarkSuite.SEEDED_MOVIES, GatewayOverhead.MOVIES_PERCENT, options, warmed, rounds, counted);
    }

    private static Section events(Random random) {
        Rounds rounds = new Rounds();
        List<EventIngest.ProducerRun> producer = new ArrayList<>();
        for (int round = 0; round < SETTINGS.rounds(); round++) {
            rounds.add(EventIngest.POST, wrk(random));
            rounds.add(EventIngest.NO_OP, wrk(random));
            rounds.add(EventIngest.FLOOR, wrk(random));
            producer.add(new EventIngest.ProducerRun(between(random, 2_000, 90_000), between(random, 300, 800), between(random, 500, 1200)));
        }
        return EventIngest.section(SETTINGS, rounds, producer, 100_000 + random.nextInt(100_000), 250 + random.nextInt(100));
    }

    private static Section catalog(Random random) {
        List<CatalogAtScale.Measured> measured = new ArrayList<>();
        Map<Long, Duration> loads = new LinkedHashMap<>();
        for (long movies : List.of(BenchmarkSuite.SEEDED_MOVIES, 10_000L, (long) SETTINGS.scaleMovies())) {
            measured.add(new CatalogAtScale.Measured(movies, rounds(random, 5, 20), rounds(random, 20, 60), rounds(random, 800, 1600),
                    rounds(random, 10, 30), rounds(random, 40, 90), Samples.of(between(random, 3, 12)),
                    rounds(random, 0.05, 30), 200_000 + random.nextInt(20_000_000), between(random, 250, 400)));
            if (movies != BenchmarkSuite.SEEDED_MOVIES) {
                loads.put(movies, Duration.ofMillis(1000 + random.nextInt(20_000)));
            }
        }
        return CatalogAtScale.section(SETTINGS, measured, loads);
    }

    private static Section coldStart(Random random) {
        List<String> shipped = List.of("-XX:MaxRAMPercentage=" + (50 + random.nextInt(40)), "-Dspring.aot.enabled=true");
        Map<ColdStart.Variant, ColdStart.Result> catalog = new LinkedHashMap<>();
        catalog.put(new ColdStart.Variant("plain `java -jar` (baseline)", List.of(), false, false, true), start(random, SETTINGS.coldStarts()));
        catalog.put(new ColdStart.Variant("extracted jar", List.of(), true, false, false), start(random, ColdStart.OTHER_STARTS));
        catalog.put(new ColdStart.Variant("+ Spring AOT", List.of("-Dspring.aot.enabled=true"), true, false, false), start(random, ColdStart.OTHER_STARTS));
        catalog.put(new ColdStart.Variant(ColdStart.Variant.SHIPPED, shipped, true, false, true), start(random, SETTINGS.coldStarts()));
        catalog.put(new ColdStart.Variant("as shipped + JDK AOT cache (**not shipped**)", shipped, true, true, false), start(random, ColdStart.OTHER_STARTS));
        Map<ColdStart.Variant, ColdStart.Result> events = new LinkedHashMap<>();
        events.put(new ColdStart.Variant("plain `java -jar` (baseline)", List.of(), false, false, true), start(random, ColdStart.OTHER_STARTS));
        events.put(new ColdStart.Variant(ColdStart.Variant.SHIPPED, shipped, true, false, true), start(random, ColdStart.OTHER_STARTS));
        Map<String, ColdStart.Measured> measured = new LinkedHashMap<>();
        measured.put("catalog", new ColdStart.Measured("/api/movies?id=1", catalog));
        measured.put("events", new ColdStart.Measured("/api/events/health", events));
        List<String> skipped = List.of("gateway (about %d s needed, %d s left)".formatted(40 + random.nextInt(40), random.nextInt(40)));
        return ColdStart.section(SETTINGS, shipped, measured, skipped);
    }

    private static ColdStart.Result start(Random random, int starts) {
        return new ColdStart.Result(samples(random, starts, 1.5, 12), samples(random, starts, 180, 300));
    }

    private static WrkResult wrk(Random random) {
        return new WrkResult(between(random, 500, 3000), between(random, 2, 20), between(random, 20, 60), 1000 + random.nextInt(10_000), 0, 0);
    }

    private static Samples rounds(Random random, double low, double high) {
        return samples(random, SETTINGS.rounds(), low, high);
    }

    private static Samples samples(Random random, int count, double low, double high) {
        return new Samples(DoubleStream.generate(() -> between(random, low, high)).limit(count).boxed().toList());
    }

    private static double between(Random random, double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    static List<String> numbers(String report) {
        List<String> numbers = new ArrayList<>();
        Matcher number = NUMBER.matcher(VERDICT.matcher(report).replaceAll("missed"));
        while (number.find()) {
            numbers.add(number.group().replaceAll("[.,]+$", ""));
        }
        return numbers;
    }

    /** The report without its tables: the sentences. */
    static String prose(String report) {
        return report.lines().filter(line -> !line.startsWith("|")).collect(Collectors.joining("\n"));
    }
}
