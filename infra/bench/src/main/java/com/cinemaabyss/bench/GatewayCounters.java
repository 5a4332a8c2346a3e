package com.cinemaabyss.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's own counts of movie requests by backend and of fallbacks, read from its /actuator/prometheus
 * ({@code gateway_requests_total{route="movies",backend=...}}, {@code gateway_fallbacks_total}). A fallback is
 * counted under the monolith, which answered it.
 */
record GatewayCounters(double catalog, double monolith, double fallbacks) {

    private static final Pattern SERIES = Pattern.compile("^(gateway_requests_total|gateway_fallbacks_total)\\{([^}]*)}\\s+(\\S+)",
            Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    static GatewayCounters parse(String prometheus) {
        double catalog = 0;
        double monolith = 0;
        double fallbacks = 0;
        Matcher series = SERIES.matcher(prometheus);
        while (series.find()) {
            double value = Double.parseDouble(series.group(3));
            if (series.group(1).equals("gateway_fallbacks_total")) {
                fallbacks += value;
                continue;
            }
            Map<String, String> labels = labels(series.group(2));
            if ("movies".equals(labels.get("route"))) {
                switch (labels.getOrDefault("backend", "")) {
                    case "catalog" -> catalog += value;
                    case "monolith" -> monolith += value;
                    default -> { }
                }
            }
        }
        return new GatewayCounters(catalog, monolith, fallbacks);
    }

    /** What was counted between {@code earlier} and this reading. */
    GatewayCounters since(GatewayCounters earlier) {
        return new GatewayCounters(catalog - earlier.catalog, monolith - earlier.monolith, fallbacks - earlier.fallbacks);
    }

    double movies() {
        return catalog + monolith;
    }

    /** Percent of the movie requests the catalog answered; 0 when none were counted. */
    double catalogPercent() {
        return movies() == 0 ? 0 : 100 * catalog / movies();
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        Matcher label = LABEL.matcher(text);
        while (label.find()) {
            labels.put(label.group(1), label.group(2));
        }
        return labels;
    }
}
