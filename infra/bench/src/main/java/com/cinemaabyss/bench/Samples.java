package com.cinemaabyss.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one quantity: the median is the figure, min and max show the spread. */
public record Samples(List<Double> values) {

    public Samples {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        values = List.copyOf(values);
    }

    public static Samples of(double... values) {
        List<Double> list = new ArrayList<>();
        for (double value : values) {
            list.add(value);
        }
        return new Samples(list);
    }

    public double median() {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    public double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    public double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /**
     * This over {@code baseline}. Rounds measured in pairs (same count) are divided round by round, so the spread
     * is that of the ratio itself; otherwise the medians are divided.
     */
    public Samples over(Samples baseline) {
        if (values.size() != baseline.values.size()) {
            return of(median() / baseline.median());
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ratios.add(values.get(i) / baseline.values.get(i));
        }
        return new Samples(ratios);
    }

    /** Round by round difference, e.g. the latency a proxy adds over the direct call. */
    public Samples minus(Samples other) {
        List<Double> differences = new ArrayList<>();
        for (int i = 0; i < Math.min(values.size(), other.values.size()); i++) {
            differences.add(values.get(i) - other.values.get(i));
        }
        return new Samples(differences);
    }

    /** "12.3 (11.9–13.0)": the median, then min–max when there is more than one measurement. */
    public String format(String pattern) {
        String median = String.format(Locale.ROOT, pattern, median());
        return values.size() == 1 ? median
                : median + " (" + String.format(Locale.ROOT, pattern, min()) + "–" + String.format(Locale.ROOT, pattern, max()) + ")";
    }
}
