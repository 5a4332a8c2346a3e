package com.cinemaabyss.bench;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What is left of the run's time, and whether more JVM launches fit in it at the pace seen so far. The cold-start
 * benchmark asks before each function, so that a slow machine drops whole functions (and says so) instead of being
 * cut off in the middle of one.
 */
final class TimeBudget {

    private final long deadlineNanos;
    private final LongSupplier nanoClock;
    private long spentNanos;
    private int launches;

    TimeBudget(long deadlineNanos, LongSupplier nanoClock) {
        this.deadlineNanos = deadlineNanos;
        this.nanoClock = nanoClock;
    }

    static TimeBudget until(long deadlineNanos) {
        return new TimeBudget(deadlineNanos, System::nanoTime);
    }

    void spent(Duration took, int launchCount) {
        spentNanos += took.toNanos();
        launches += launchCount;
    }

    /** The budget's clock, to time what is then {@link #spent}. */
    long now() {
        return nanoClock.getAsLong();
    }

    Duration left() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - nanoClock.getAsLong()));
    }

    /** At the mean pace of the launches so far; with nothing measured yet every plan fits. */
    Duration estimate(int launchCount) {
        return launches == 0 ? Duration.ZERO : Duration.ofNanos(spentNanos / launches * launchCount);
    }

    boolean affords(int launchCount) {
        return estimate(launchCount).compareTo(left()) <= 0;
    }
}
