package com.cinemaabyss.bench;

import java.util.Locale;

/**
 * One headline figure: a ratio against a baseline measured in the same run, and the aim it is held to
 * ({@code aim} null when there is none). {@code atMost}: the aim is an upper bound (lower is better).
 */
record Figure(String label, Samples ratio, Double aim, boolean atMost) {

    static Figure atMost(String label, Samples ratio, double aim) {
        return new Figure(label, ratio, aim, true);
    }

    static Figure atLeast(String label, Samples ratio, double aim) {
        return new Figure(label, ratio, aim, false);
    }

    static Figure informative(String label, Samples ratio) {
        return new Figure(label, ratio, null, true);
    }

    String verdict() {
        if (aim == null) {
            return "—";
        }
        double median = ratio.median();
        boolean met = atMost ? median <= aim : median >= aim;
        if (met) {
            return "met";
        }
        return String.format(Locale.ROOT, "missed by %.0f%%", 100 * Math.abs(median - aim) / aim);
    }

    String aimText() {
        return aim == null ? "—" : (atMost ? "≤ " : "≥ ") + String.format(Locale.ROOT, "%.2f×", aim);
    }
}
