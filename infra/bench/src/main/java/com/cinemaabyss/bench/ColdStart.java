package com.cinemaabyss.bench;

import com.cinemaabyss.local.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Benchmark 2: time from spawning the JVM to the first 200 answer of a real route, and the resident memory just
 * after, per function. The baseline is a plain {@code java -jar} of the Spring Boot jar; the headline is the
 * variant the images ship: the JVM flags Jib puts in the image plus the {@code JAVA_TOOL_OPTIONS} of the function's
 * Knative Service, on the jar extracted into an application jar and its libraries. For the movies function every
 * step is also measured on its own, and a JDK AOT cache on top of the shipped variant, which the images do not have.
 */
final class ColdStart {

    /** What each function answers first: a read through its own data where it has one. */
    static final Map<String, String> FIRST_REQUEST = Map.of(
            "catalog", "/api/movies?id=1",
            "monolith", "/api/movies?id=1",
            "events", "/api/events/health",
            "gateway", "/api/movies?id=1");
    /** RSS is read this long after the first 200. */
    static final long RSS_DELAY_MILLIS = 500;
    /** Starts of every variant that carries no aim (all but the movies function's baseline and shipped variant). */
    static final int OTHER_STARTS = 3;

    private static final String NOT_SHIPPED = """

            The JDK AOT cache is not in the images: it has to be trained on the image's own JVM and class path, which
            Jib cannot run, so it would need a build step that runs the image. Its row, marked "not shipped", shows
            what it would add; it is not the headline.
            """;

    record Variant(String name, List<String> jvmOptions, boolean extracted, boolean aotCache, boolean headline) {

        static final String SHIPPED = "as shipped (image's JVM flags + manifest options)";

        boolean shipped() {
            return name.equals(SHIPPED);
        }
    }

    record Result(Samples seconds, Samples rssMiB) {
    }

    private final Rig rig;
    private final Settings settings;

    ColdStart(Rig rig, Settings settings) {
        this.rig = rig;
        this.settings = settings;
    }

    /**
     * Measures the functions in order, each only if its launches fit in what is left of {@code budget};
     * {@code progress} gets the section as it stands after each one.
     */
    Section run(List<String> functions, TimeBudget budget, Consumer<Section> progress) {
        Map<String, Map<Variant, Result>> measured = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        List<String> catalogOptions = shippedOptions("catalog");
        for (String function : functions) {
            // The training run (movies function only) plus the starts of every variant; planned as if the AOT cache gets written.
            int launches = (trains(function) ? 1 : 0) + variants(function, true).stream().mapToInt(variant -> starts(function, variant, settings)).sum();
            if (!budget.affords(launches)) {
                skipped.add("%s (about %d s needed, %d s left)".formatted(function, budget.estimate(launches).toSeconds(), budget.left().toSeconds()));
                continue;
            }
            long began = System.nanoTime();
            Path extracted = extract(function);
            Path cache = trains(function) ? train(function, extracted) : null;
            Map<Variant, Result> results = new LinkedHashMap<>();
            for (Variant variant : variants(function, cache != null)) {
                results.put(variant, measure(function, variant, extracted, cache));
            }
            budget.spent(Duration.ofNanos(System.nanoTime() - began), launches);
            measured.put(function, results);
            progress.accept(section(settings, catalogOptions, measured, skipped));
        }
        return section(settings, catalogOptions, measured, skipped);
    }

    /** The section from what was measured: no figure in it comes from anywhere else. */
    static Section section(Settings settings, List<String> catalogOptions, Map<String, Map<Variant, Result>> measured,
                           List<String> skipped) {
        List<Figure> figures = new ArrayList<>();
        Table table = new Table("function", "first request", "variant", "seconds to first 200", "RSS MiB", "× baseline");
        StringBuilder moviesShipped = new StringBuilder();
        measured.forEach((function, results) -> {
            Result baseline = results.values().iterator().next();
            results.forEach((variant, result) -> table.row(function, "`" + FIRST_REQUEST.get(function) + "`", variant.name(),
                    result.seconds().format("%.2f"), result.rssMiB().format("%.0f"), result.seconds().over(baseline.seconds()).format("%.2f")));
            Result shipped = results.entrySet().stream().filter(entry -> entry.getKey().shipped()).findFirst().orElseThrow().getValue();
            Samples ratio = shipped.seconds().over(baseline.seconds());
            if (function.equals("catalog")) {
                figures.add(Figure.atMost("movies function: shipped cold start / plain Spring Boot", ratio, 0.35));
                moviesShipped.append("Movies function as shipped: **%s s** to the first 200 (aim ≤ 1.0 s: %s).%n%n".formatted(
                        shipped.seconds().format("%.2f"), Figure.atMost("", shipped.seconds(), 1.0).verdict()));
            } else {
                figures.add(Figure.informative(function + ": shipped cold start / plain Spring Boot", ratio));
            }
        });
        String notMeasured = skipped.isEmpty() ? "" : """

                Not measured, as their starts would not have fitted in the run's time limit at this run's pace: %s.
                """.formatted(String.join(", ", skipped));
        return new Section("Cold start", intro(settings, catalogOptions) + moviesShipped + table + notMeasured + NOT_SHIPPED, figures);
    }

    private static String intro(Settings settings, List<String> catalogOptions) {
        return """
                Each start is a new JVM on an idle port against the running Kafka and DynamoDB Local (tables already
                there, as in the cluster); the clock runs from spawning the process to the first 200 answer of the
                route in the table, polled every %d ms. RSS is read from /proc %d ms after that answer. %d starts
                for the movies function's baseline and shipped variants, %d for every other; medians with (min–max).
                "as shipped" is what the image runs: Jib's JVM flags (root pom.xml) and the function's
                `JAVA_TOOL_OPTIONS` from knative/serving (for the movies function: `%s`) on the jar extracted
                (`-Djarmode=tools extract`: the application jar with its libraries beside it, as the image has them).

                """.formatted(FunctionProcess.POLL_MILLIS, RSS_DELAY_MILLIS, settings.coldStarts(), Math.min(OTHER_STARTS, settings.coldStarts()),
                String.join(" ", catalogOptions));
    }

    /** The image's JVM flags on its command line after the manifest's JAVA_TOOL_OPTIONS, which the JVM reads first. */
    private List<String> shippedOptions(String function) {
        return shipped(rig.manifestJvmOptions(function), rig.imageJvmFlags());
    }

    static List<String> shipped(List<String> manifestOptions, List<String> imageFlags) {
        return List.copyOf(new LinkedHashSet<>(concat(manifestOptions, imageFlags)));
    }

    /** Only the movies function gets the AOT-cache variant (and so a training run): it carries the aims. */
    private static boolean trains(String function) {
        return function.equals("catalog");
    }

    List<Variant> variants(String function, boolean withCache) {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("plain `java -jar` (baseline)", List.of(), false, false, true));
        if (function.equals("catalog")) {
            variants.add(new Variant("extracted jar", List.of(), true, false, false));
            variants.add(new Variant("+ Spring AOT", List.of("-Dspring.aot.enabled=true"), true, false, false));
        }
        variants.add(new Variant(Variant.SHIPPED, shippedOptions(function), true, false, true));
        if (trains(function) && withCache) {
            variants.add(new Variant("as shipped + JDK AOT cache (**not shipped**)", shippedOptions(function), true, true, false));
        }
        return variants;
    }

    private Result measure(String function, Variant variant, Path extracted, Path cache) {
        List<Double> seconds = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        for (int start = 0; start < starts(function, variant, settings); start++) {
            int port = FreePorts.pick();
            List<String> arguments = new ArrayList<>(variant.jvmOptions());
            if (variant.aotCache()) {
                arguments.add("-XX:AOTCache=" + cache);
            }
            arguments.addAll(List.of("-jar", (variant.extracted() ? extracted : rig.jar(function)).toString()));
            try (FunctionProcess process = FunctionProcess.start(function, arguments, rig.env(function, port),
                    rig.workDir.resolve("logs/cold-" + function + ".log"))) {
                seconds.add(process.awaitFirst200(firstRequest(function, port), Rig.START_TIMEOUT).toNanos() / 1e9);
                FunctionProcess.pause(RSS_DELAY_MILLIS);
                rss.add(process.rssMiB());
                process.kill();
            }
        }
        return new Result(new Samples(seconds), new Samples(rss));
    }

    /** The movies function's baseline and shipped starts carry the aim, so they get the most starts. */
    static int starts(String function, Variant variant, Settings settings) {
        return function.equals("catalog") && variant.headline() ? settings.coldStarts() : Math.min(OTHER_STARTS, settings.coldStarts());
    }

    /** {@code java -Djarmode=tools -jar x.jar extract}: Spring Boot's own layout for CDS and AOT caches. */
    private Path extract(String function) {
        Path destination = rig.workDir.resolve("cold/" + function);
        exec(List.of(java(), "-Djarmode=tools", "-jar", rig.jar(function).toString(), "extract", "--force", "--destination", destination.toString()));
        return destination.resolve(rig.jar(function).getFileName());
    }

    /** A training run: start with the shipped options, answer some requests, stop; the JVM writes the cache on exit. */
    private Path train(String function, Path extracted) {
        Path cache = rig.workDir.resolve("cold/" + function + ".aot");
        int port = FreePorts.pick();
        List<String> arguments = new ArrayList<>(shippedOptions(function));
        arguments.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-jar", extracted.toString()));
        try (FunctionProcess process = FunctionProcess.start(function, arguments, rig.env(function, port),
                rig.workDir.resolve("logs/train-" + function + ".log"))) {
            URI first = firstRequest(function, port);
            process.awaitFirst200(first, Rig.START_TIMEOUT);
            URI health = URI.create("http://127.0.0.1:" + port + rig.spec(function).healthPath());
            for (int i = 0; i < 30; i++) {
                get(first);
                get(health);
            }
        }
        return Files.isRegularFile(cache) ? cache : null;
    }

    private URI firstRequest(String function, int port) {
        return URI.create("http://127.0.0.1:" + port + FIRST_REQUEST.get(function));
    }

    private static void get(URI url) {
        try {
            FunctionProcess.HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
