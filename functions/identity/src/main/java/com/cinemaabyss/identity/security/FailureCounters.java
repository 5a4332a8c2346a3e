package com.cinemaabyss.identity.security;

import java.time.Duration;
import java.time.Instant;

/** Counters of failed logins that expire, shared by every replica (a DynamoDB table; a map in unit tests). */
public interface FailureCounters {

    /** A counter's value and when its window ends. */
    record Count(long failures, Instant resetsAt) {
        public static final Count NONE = new Count(0, Instant.EPOCH);
    }

    /** The counter under {@code key}; {@link Count#NONE} when there is none or its window ended before {@code now}. */
    Count read(String key, Instant now);

    /** Adds one failure, starting a window of {@code window} if none is running; the new count. */
    Count increment(String key, Instant now, Duration window);

    void reset(String key);
}
