package com.cinemaabyss.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** wrk results of several targets measured in interleaved rounds: A B C, A B C, ... */
final class Rounds {

    private final Map<String, List<WrkResult>> results = new LinkedHashMap<>();

    /** One wrk run of {@code warmup} per target, not recorded. */
    static void warmUp(Wrk wrk, Map<String, URI> targets, String script, Settings settings, Duration warmup) {
        targets.values().forEach(url -> wrk.run(url, settings.connections(), warmup, script));
    }

    static Rounds measure(Wrk wrk, Map<String, URI> targets, String script, Settings settings) {
        Rounds rounds = new Rounds();
        for (int round = 0; round < settings.rounds(); round++) {
            targets.forEach((name, url) -> rounds.add(name, wrk.run(url, settings.connections(), settings.round(), script)));
        }
        return rounds;
    }

    void add(String target, WrkResult result) {
        if (result.failureShare() > 0.01) {
            throw new IllegalStateException(target + ": " + result.non2xx() + " non-2xx answers and " + result.socketErrors()
                    + " socket errors in " + result.requests() + " requests; the figures would mean nothing");
        }
        results.computeIfAbsent(target, name -> new ArrayList<>()).add(result);
    }

    /** Another measurement's rounds, under their own names. */
    void addAll(Rounds other) {
        other.results.forEach((target, results) -> results.forEach(result -> add(target, result)));
    }

    Samples of(String target, ToDoubleFunction<WrkResult> figure) {
        return new Samples(results.get(target).stream().map(result -> figure.applyAsDouble(result)).toList());
    }

    /**
     * Round by round {@code share × first + (1 − share) × second}: the direct baseline for a proxy that sends
     * {@code share} of its requests to {@code first} and the rest to {@code second}.
     */
    Samples weighted(String first, double share, String second, ToDoubleFunction<WrkResult> figure) {
        List<Double> means = new ArrayList<>();
        List<WrkResult> a = results.get(first);
        List<WrkResult> b = results.get(second);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            means.add(share * figure.applyAsDouble(a.get(i)) + (1 - share) * figure.applyAsDouble(b.get(i)));
        }
        return new Samples(means);
    }

    /** All requests wrk counted for {@code target} over its rounds. */
    long requests(String target) {
        return results.get(target).stream().mapToLong(WrkResult::requests).sum();
    }

    String table() {
        Table table = new Table("target", "requests/s", "p50 ms", "p99 ms");
        results.keySet().forEach(target -> table.row(target, of(target, WrkResult::requestsPerSecond).format("%.0f"),
                of(target, WrkResult::p50Millis).format("%.2f"), of(target, WrkResult::p99Millis).format("%.2f")));
        return table.toString();
    }
}
