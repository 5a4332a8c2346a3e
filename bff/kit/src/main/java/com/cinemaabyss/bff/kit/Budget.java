package com.cinemaabyss.bff.kit;

import java.time.Duration;

/** The time a part of a screen has left; a call inside it never waits past it. */
public record Budget(long deadlineNanos) {

    public static Budget of(Duration duration) {
        return new Budget(System.nanoTime() + duration.toNanos());
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** The shorter of a call's own timeout and what is left, at least 1 ms (the HTTP client refuses zero). */
    public Duration within(Duration timeout) {
        Duration left = remaining();
        Duration shorter = left.compareTo(timeout) < 0 ? left : timeout;
        return shorter.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : shorter;
    }
}
