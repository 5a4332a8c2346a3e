package com.cinemaabyss.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one wrk run printed (with --latency): throughput, latency percentiles, and what went wrong. */
public record WrkResult(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long non2xx, long socketErrors) {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    public static WrkResult parse(String output) {
        Matcher rate = RATE.matcher(output);
        Matcher total = TOTAL.matcher(output);
        if (!rate.find() || !total.find()) {
            throw new IllegalArgumentException("not wrk --latency output:\n" + output);
        }
        long socketErrors = 0;
        Matcher errors = SOCKET_ERRORS.matcher(output);
        if (errors.find()) {
            for (int group = 1; group <= 4; group++) {
                socketErrors += Long.parseLong(errors.group(group));
            }
        }
        Matcher non2xx = NON_2XX.matcher(output);
        return new WrkResult(Double.parseDouble(rate.group(1)), percentile(output, "50"), percentile(output, "99"),
                Long.parseLong(total.group(1)), non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors);
    }

    /** Share of the requests that failed (non-2xx answers or socket errors). */
    public double failureShare() {
        return requests == 0 ? 1.0 : (double) (non2xx + socketErrors) / requests;
    }

    private static double percentile(String output, String percent) {
        Matcher m = Pattern.compile("^\\s+" + percent + "%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE).matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException("wrk printed no " + percent + "% latency (run it with --latency)");
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            default -> value * 1000;
        };
    }
}
