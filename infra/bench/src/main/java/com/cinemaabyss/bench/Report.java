package com.cinemaabyss.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** docs/benchmarks/REPORT.md: when, where and on what it ran, the headline ratios against their aims, then each benchmark. */
final class Report {

    static final String CHART_FILE = "benchmarks.svg";

    private Report() {
    }

    static String markdown(LocalDate date, Machine machine, Settings settings, Duration took, List<Section> sections,
                           List<String> notMeasured, String notes) {
        List<Figure> figures = sections.stream().flatMap(section -> section.figures().stream()).toList();
        Table summary = new Table("figure", "ratio: median (min–max)", "aim", "verdict");
        figures.forEach(figure -> summary.row(figure.label(), figure.ratio().format("%.2f") + "×", figure.aimText(), figure.verdict()));
        List<String> parts = new ArrayList<>();
        parts.add("""
                # CinemaAbyss benchmark report

                Run on %s by `infra/bench/run` in %d min %d s: %s. Commit `%s`. %d rounds of %d s per figure
                unless a section says otherwise. Every figure is a ratio against a baseline measured in the same run on
                the same machine; read the ratios, not the absolute times, which move from machine to machine and run
                to run (see "How to read it" in the README).

                ![ratios](%s)

                %s""".formatted(date, took.toMinutes(), took.toSecondsPart(), machine.describe(), machine.commit(),
                settings.rounds(), settings.round().toSeconds(), CHART_FILE, summary));
        List<String> flagged = sections.stream()
                .flatMap(section -> section.warnings().stream().map(warning -> "- " + section.title() + ": " + warning)).toList();
        if (!flagged.isEmpty()) {
            parts.add("**Flagged in this run** (the figures concerned are doubtful):\n\n" + String.join("\n", flagged) + "\n");
        }
        for (Section section : sections) {
            String warnings = String.join("", section.warnings().stream().map(warning -> "> **Flagged:** " + warning + "\n\n").toList());
            parts.add("## " + section.title() + "\n\n" + warnings + section.markdown());
        }
        if (!notMeasured.isEmpty()) {
            parts.add("## Not measured\n\n" + String.join("\n", notMeasured.stream().map(line -> "- " + line).toList()) + "\n");
        }
        if (notes != null && !notes.isBlank()) {
            parts.add(notes);
        }
        return String.join("\n", parts);
    }
}
