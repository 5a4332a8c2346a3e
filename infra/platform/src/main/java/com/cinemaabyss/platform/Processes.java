package com.cinemaabyss.platform;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping child processes the same way everywhere: the local platform's services and the benchmark's. */
public final class Processes {

    private Processes() {
    }

    /** SIGTERM, then SIGKILL if {@code process} has not exited within {@code grace}. */
    public static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
