package com.cinemaabyss.manifests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every function's Knative target and containerConcurrency come with their source: for a measured function, the
 * knee in docs/benchmarks/REPORT.md's "Concurrency knee" section (infra/bench/run --only knee), target = knee and
 * containerConcurrency = 2 × knee, the knee and its requests/s quoted with the run's commit and date beside them; the
 * others say that they were not measured and why. The knee section covers all fourteen functions (ConcurrencyKnee in
 * infra/bench prints these lines for each from its table), so once a run's section is in the report every function
 * here is held to it; a function missing from the table (a failed probe, or the full run's cheap subset) must say
 * "not measured".
 */
class AutoscalingFromMeasurementTest {

    /** A row of the report's knee table: function, knee, p50 ratio, requests/s, chart target, chart containerConcurrency. */
    private static final Pattern KNEE_ROW = Pattern.compile("^\\| ([a-z-]+) \\| (\\d+) \\| [\\d.]+× \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|$",
            Pattern.MULTILINE);

    @Test
    void everyFunctionHasATargetAndAContainerConcurrencyWithTheirSource() throws IOException {
        Map<String, Knee> knees = reportedKnees();
        assertFalse(knees.isEmpty(), "docs/benchmarks/REPORT.md has the Concurrency knee section's table");
        Map<String, Map<String, Object>> functions = Manifests.at(Manifests.values(), "functions");
        List<Manifests.Doc> services = Manifests.docs(Manifests.knativeFiles()).stream()
                .filter(doc -> doc.kind().equals("Service") && doc.file().startsWith("serving/")).toList();
        functions.forEach((name, fn) -> {
            if (!Boolean.TRUE.equals(fn.get("enabled"))) {
                return;
            }
            Object target = fn.get("target");
            Object limit = fn.get("containerConcurrency");
            String source = (String) fn.get("concurrencySource");
            assertTrue(target instanceof Integer t && t >= 1, name + ": target");
            assertTrue(limit instanceof Integer c && c >= 0, name + ": containerConcurrency");
            assertNotNull(source, name + ": concurrencySource, where target and containerConcurrency come from");
            if (knees.containsKey(name)) {
                int knee = knees.get(name).clients();
                assertTrue(source.startsWith("measured") && source.contains("docs/benchmarks/REPORT.md")
                        && source.contains("knee " + knee + " clients, " + knees.get(name).requestsPerSecond() + " req/s")
                        && source.matches(".*\\b[0-9a-f]{7}\\b.*") && source.matches(".*\\d{4}-\\d{2}-\\d{2}.*"),
                        name + ": the source names the report, the knee, the run's commit and date: " + source);
                assertEquals(knee, target, name + ": target = the measured knee");
                assertEquals(2 * knee, limit, name + ": containerConcurrency = 2 × the knee (the KPA's panic threshold)");
            } else {
                assertTrue(source.startsWith("not measured"), name + ": not in the report's knee table, so it must say so: " + source);
            }
            Manifests.Doc service = services.stream().filter(doc -> doc.name().equals(name)).findFirst().orElseThrow();
            Map<String, String> annotations = Manifests.at(service.yaml(), "spec", "template", "metadata", "annotations");
            assertEquals(String.valueOf(target), annotations.get("autoscaling.knative.dev/target"), service.file());
            assertEquals(limit, Manifests.at(service.yaml(), "spec", "template", "spec", "containerConcurrency"), service.file());
        });
        assertTrue(functions.keySet().containsAll(knees.keySet()), "every function in the knee table is in the chart");
    }

    /** A knee table row: the knee and the requests/s there (the source quotes both). */
    private record Knee(int clients, long requestsPerSecond) {
    }

    private static Map<String, Knee> reportedKnees() throws IOException {
        String report = Files.readString(Manifests.ROOT.resolve("docs/benchmarks/REPORT.md"));
        int start = report.indexOf("## Concurrency knee");
        assertTrue(start >= 0, "docs/benchmarks/REPORT.md has a Concurrency knee section");
        int end = report.indexOf("\n## ", start + 1);
        Matcher row = KNEE_ROW.matcher(report.substring(start, end < 0 ? report.length() : end));
        Map<String, Knee> knees = new LinkedHashMap<>();
        while (row.find()) {
            int knee = Integer.parseInt(row.group(2));
            assertEquals(knee, Integer.parseInt(row.group(4)), "the report's target for " + row.group(1));
            assertEquals(2 * knee, Integer.parseInt(row.group(5)), "the report's containerConcurrency for " + row.group(1));
            assertFalse(knees.containsKey(row.group(1)), "one knee row per function: " + row.group(1));
            knees.put(row.group(1), new Knee(knee, Long.parseLong(row.group(3))));
        }
        return knees;
    }
}
