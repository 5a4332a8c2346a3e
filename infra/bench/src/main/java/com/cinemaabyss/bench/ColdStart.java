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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Benchmark 2: time from spawning the JVM to the first 200 answer of a real route, and the resident memory a
 * second later, per function. The baseline is a plain {@code java -jar} of the Spring Boot jar; "tuned" is what a
 * pod runs: the JVM options of the function's Knative Service (Spring AOT among them), the jar extracted as the
 * image lays it out, and a JDK AOT cache from a training run. For the movies function every step is also
 * measured on its own.
 */
final class ColdStart {

    /** What each function answers first: a read through its own data where it has one. */
    static final Map<String, String> FIRST_REQUEST = Map.of(
            "catalog", "/api/movies?id=1",
            "monolith", "/api/movies?id=1",
            "events", "/api/events/health",
            "gateway", "/api/movies?id=1");

    private static final String TRIED = """

            What was tried beyond the variants above, by hand on the same machine: lazy initialisation
            (`spring.main.lazy-initialization=true`) gained nothing measurable, since the first request then builds
            what the start skipped; training the AOT cache with requests instead of stopping right after the
            context refresh gained about as much as the noise. With `-Xlog:startuptime` and the log's timestamps,
            a tuned start of the movies function spends about 0.3 s creating the JVM, 0.3 s before Spring logs its
            first line, 0.3 s building the context and 0.6 s creating the web server, the DynamoDB and Kafka clients
            and the metrics. Spring AOT and C1 ship in the images and manifests (`JAVA_TOOL_OPTIONS`, Jib's JVM
            flags); the AOT cache does not yet: it has to be trained on the image's own JVM and class path, which
            Jib cannot run, so it needs a build step that runs the image.
            """;

    record Variant(String name, List<String> jvmOptions, boolean extracted, boolean aotCache, boolean headline) {
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
        List<Figure> figures = new ArrayList<>();
        Table table = new Table("function", "first request", "variant", "seconds to first 200", "RSS MiB", "× baseline");
        StringBuilder moviesTuned = new StringBuilder();
        List<String> skipped = new ArrayList<>();
        for (String function : functions) {
            // One training run plus the starts of every variant; planned as if the AOT cache gets written.
            int launches = 1 + variants(function, true).stream().mapToInt(variant -> starts(function, variant)).sum();
            if (!budget.affords(launches)) {
                skipped.add("%s (about %d s needed, %d s left)".formatted(function, budget.estimate(launches).toSeconds(), budget.left().toSeconds()));
                continue;
            }
            long began = System.nanoTime();
            Path extracted = extract(function);
            Path cache = train(function, extracted);
            Map<Variant, Result> results = new LinkedHashMap<>();
            for (Variant variant : variants(function, cache != null)) {
                results.put(variant, measure(function, variant, extracted, cache));
            }
            budget.spent(Duration.ofNanos(System.nanoTime() - began), launches);
            Result baseline = results.values().iterator().next();
            results.forEach((variant, result) -> table.row(function, "`" + FIRST_REQUEST.get(function) + "`", variant.name(),
                    result.seconds().format("%.2f"), result.rssMiB().format("%.0f"), result.seconds().over(baseline.seconds()).format("%.2f")));
            Result tuned = results.get(tuned(function, cache != null));
            Samples ratio = tuned.seconds().over(baseline.seconds());
            if (function.equals("catalog")) {
                figures.add(Figure.atMost("movies function: tuned cold start / plain Spring Boot", ratio, 0.35));
                moviesTuned.append("Movies function, tuned: **%s s** to the first 200 (aim ≤ 1.0 s: %s).%n%n".formatted(
                        tuned.seconds().format("%.2f"), Figure.atMost("", tuned.seconds(), 1.0).verdict()));
            } else {
                figures.add(Figure.informative(function + ": tuned cold start / plain Spring Boot", ratio));
            }
            progress.accept(section(moviesTuned, table, skipped, figures));
        }
        return section(moviesTuned, table, skipped, figures);
    }

    private Section section(CharSequence moviesTuned, Table table, List<String> skipped, List<Figure> figures) {
        String notMeasured = skipped.isEmpty() ? "" : """

                Not measured, as their starts would not have fitted in the run's time limit at this run's pace: %s.
                """.formatted(String.join(", ", skipped));
        return new Section("Cold start", intro() + moviesTuned + table + notMeasured + TRIED, List.copyOf(figures));
    }

    private String intro() {
        return """
                Each start is a new JVM on an idle port against the running Kafka and DynamoDB Local (tables already
                there, as in the cluster); the clock runs from spawning the process to the first 200 answer of the
                route in the table, polled every 10 ms. RSS is read from /proc half a second after that answer. %d starts
                for the movies function's baseline and tuned variants, 3 for every other; medians with (min–max).
                "tuned" is each function's `JAVA_TOOL_OPTIONS` from knative/serving (for the movies function:
                `%s`) on the jar extracted as the image lays it out, plus `-XX:AOTCache` (the JDK's AOT cache,
                JEP 483/514) written by a training run that starts the function and sends it a few requests.

                """.formatted(settings.coldStarts(), String.join(" ", rig.manifestJvmOptions("catalog")));
    }

    private List<Variant> variants(String function, boolean withCache) {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("plain `java -jar` (baseline)", List.of(), false, false, true));
        if (function.equals("catalog")) {
            variants.add(new Variant("extracted jar", List.of(), true, false, false));
            variants.add(new Variant("+ Spring AOT", List.of("-Dspring.aot.enabled=true"), true, false, false));
            if (withCache) {
                variants.add(new Variant("+ Spring AOT + AOT cache", List.of("-Dspring.aot.enabled=true"), true, true, false));
            }
        }
        variants.add(tuned(function, withCache));
        return variants;
    }

    private Variant tuned(String function, boolean withCache) {
        return new Variant(withCache ? "tuned (manifest options + AOT cache)" : "tuned (manifest options; no AOT cache)",
                rig.manifestJvmOptions(function), true, withCache, true);
    }

    private Result measure(String function, Variant variant, Path extracted, Path cache) {
        List<Double> seconds = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        for (int start = 0; start < starts(function, variant); start++) {
            int port = FreePorts.pick();
            List<String> arguments = new ArrayList<>(variant.jvmOptions());
            if (variant.aotCache()) {
                arguments.add("-XX:AOTCache=" + cache);
            }
            arguments.addAll(List.of("-jar", (variant.extracted() ? extracted : rig.jar(function)).toString()));
            try (FunctionProcess process = FunctionProcess.start(function, arguments, rig.env(function, port),
                    rig.workDir.resolve("logs/cold-" + function + ".log"))) {
                seconds.add(process.awaitFirst200(firstRequest(function, port), Rig.START_TIMEOUT).toNanos() / 1e9);
                FunctionProcess.pause(500);
                rss.add(process.rssMiB());
                process.kill();
            }
        }
        return new Result(new Samples(seconds), new Samples(rss));
    }

    /** The movies function's baseline and tuned starts carry the aim, so they get the most starts. */
    private int starts(String function, Variant variant) {
        return function.equals("catalog") && variant.headline() ? settings.coldStarts() : Math.min(3, settings.coldStarts());
    }

    /** {@code java -Djarmode=tools -jar x.jar extract}: Spring Boot's own layout for CDS and AOT caches. */
    private Path extract(String function) {
        Path destination = rig.workDir.resolve("cold/" + function);
        exec(List.of(java(), "-Djarmode=tools", "-jar", rig.jar(function).toString(), "extract", "--force", "--destination", destination.toString()));
        return destination.resolve(rig.jar(function).getFileName());
    }

    /** A training run: start with the tuned options, answer some requests, stop; the JVM writes the cache on exit. */
    private Path train(String function, Path extracted) {
        Path cache = rig.workDir.resolve("cold/" + function + ".aot");
        int port = FreePorts.pick();
        List<String> arguments = new ArrayList<>(rig.manifestJvmOptions(function));
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
