package com.cinemaabyss.platform;

import java.time.Duration;

/**
 * How many records one poll may hand a subscription's worker, and how long the group waits for the next poll.
 * One record can take every attempt at its longest plus every backoff plus parking it; a whole batch of those must
 * stay well inside max.poll.interval.ms, or the group drops the worker in the middle of the batch.
 */
record PollBudget(int maxPollRecords, Duration maxPollInterval, Duration worstCasePerRecord) {

    /** What a batch's worst case is aimed at; a batch is never smaller than one record, though. */
    static final Duration BATCH_TARGET = Duration.ofMinutes(5);
    static final int MAX_RECORDS = 100;
    /** "Well inside": the interval is at least twice the batch's worst case. */
    static final int SAFETY_FACTOR = 2;

    /**
     * {@code attempt} bounds one HTTP attempt (connect and answer), {@code park} one attempt to write the dead letter.
     */
    static PollBudget of(Subscription subscription, Duration attempt, Duration park) {
        Duration worst = attempt.multipliedBy(subscription.retries() + 1L).plus(park);
        for (int retry = 1; retry <= subscription.retries(); retry++) {
            worst = worst.plus(subscription.backoff(retry));
        }
        if (worst.toMillis() > Integer.MAX_VALUE / SAFETY_FACTOR) {
            throw new IllegalArgumentException("subscription " + subscription.name() + ": one event may take up to " + worst
                    + " (retries, backoff and timeouts), more than a Kafka consumer's max.poll.interval.ms can cover");
        }
        long records = Math.clamp(BATCH_TARGET.toMillis() / Math.max(1, worst.toMillis()), 1, MAX_RECORDS);
        long interval = Math.max(BATCH_TARGET.toMillis(), worst.toMillis() * records * SAFETY_FACTOR);
        return new PollBudget((int) records, Duration.ofMillis(interval), worst);
    }
}
