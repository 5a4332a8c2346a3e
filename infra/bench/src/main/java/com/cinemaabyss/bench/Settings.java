package com.cinemaabyss.bench;

import java.time.Duration;

/**
 * How long and how often each benchmark measures. The full run stays under ten minutes on two cores;
 * {@code --quick} is for checking that the suite works, not for figures. {@code proxyWarmup}: JVMs on two cores
 * compile for a long while, so the proxy comparison warms each JVM target longer before measuring.
 */
record Settings(int rounds, Duration round, Duration warmup, Duration proxyWarmup, int connections, int coldStarts, int scaleMovies) {

    static Settings full() {
        return new Settings(3, Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(20), 16, 5, 100_000);
    }

    static Settings quick() {
        return new Settings(2, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), 8, 2, 10_000);
    }
}
