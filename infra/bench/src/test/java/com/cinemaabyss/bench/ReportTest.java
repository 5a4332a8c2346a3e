package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    private final List<Section> sections = List.of(
            new Section("Gateway overhead", "the body\n", List.of(
                    Figure.atLeast("gateway throughput / nginx throughput", Samples.of(0.5, 0.6, 0.7), 0.8))),
            new Section("Cold start", "more\n", List.of(
                    Figure.atMost("movies function: tuned cold start / plain Spring Boot", Samples.of(0.2), 0.35))));

    @Test
    void startsWithWhenWhereAndWhatThenTheAimsThenEverySection() {
        Machine machine = new Machine(2, "Some CPU", 4096, "Linux 6", "Eclipse Adoptium 25", "abc1234");
        String report = Report.markdown(LocalDate.of(2026, 11, 25), machine, Settings.full(), Duration.ofSeconds(431),
                sections, List.of("fan-out: no aggregating route"), null);
        assertTrue(report.contains("Run on 2026-11-25"), report);
        assertTrue(report.contains("in 7 min 11 s"), report);
        assertTrue(report.contains("2 CPUs (Some CPU), 4,096 MiB RAM"), report);
        assertTrue(report.contains("Commit `abc1234`"), report);
        assertTrue(report.contains("| gateway throughput / nginx throughput | 0.60 (0.50–0.70)× | ≥ 0.80× | missed by 25% |"), report);
        assertTrue(report.contains("| movies function: tuned cold start / plain Spring Boot | 0.20× | ≤ 0.35× | met |"), report);
        assertTrue(report.indexOf("## Gateway overhead") < report.indexOf("## Cold start"), report);
        assertTrue(report.contains("## Not measured\n\n- fan-out: no aggregating route"), report);
        assertTrue(report.contains("![ratios](benchmarks.svg)"), report);
    }

    @Test
    void theChartIsAnSvgWithEveryFigure() {
        String svg = Chart.svg(sections.stream().flatMap(section -> section.figures().stream()).toList());
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, 80));
        assertTrue(svg.contains("gateway throughput / nginx throughput"), "each figure is labelled");
        assertTrue(svg.contains("movies function: tuned cold start"), "each figure is labelled");
        assertTrue(svg.trim().endsWith("</svg>"));
    }
}
