package com.cinemaabyss.discounts.store;

import com.cinemaabyss.kit.core.UnavailableException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Optimistic concurrency: an attempt reads what it needs, decides, and writes in one transaction whose conditions
 * (the version of every item it read and changed, the absence of what it creates) hold only if nothing changed in
 * between. An attempt that lost a race is run again from its reads, after a short random pause; no lock is held.
 */
final class Retrying {

    private static final Set<String> LOST_RACE = Set.of("ConditionalCheckFailed", "TransactionConflict", "None");

    private final int maxAttempts;

    Retrying(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    <T> T run(String what, Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (TransactionCanceledException e) {
                if (!lostRace(e)) {
                    throw e;
                }
                if (n >= maxAttempts) {
                    throw giveUp(what, n, e);
                }
            } catch (ConditionalCheckFailedException e) {
                if (n >= maxAttempts) {
                    throw giveUp(what, n, e);
                }
            }
            pause(n);
        }
    }

    private static boolean lostRace(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream().map(CancellationReason::code).allMatch(LOST_RACE::contains);
    }

    private static RuntimeException giveUp(String what, int attempts, RuntimeException e) {
        return new UnavailableException(what + " kept meeting concurrent changes (" + attempts + " attempts); try again", e);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 20) + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while retrying", e);
        }
    }
}
