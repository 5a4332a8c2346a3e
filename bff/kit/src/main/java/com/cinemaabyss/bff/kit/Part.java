package com.cinemaabyss.bff.kit;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.kit.core.UnauthorizedException;

import java.util.Optional;
import java.util.concurrent.Future;

/** One part of a screen: its value once joined, or why it is missing (then it is degraded). */
public final class Part<T> {

    private final String name;
    private final Budget budget;
    private final Future<T> future;
    private FanOut.Outcome<T> outcome;

    Part(String name, Budget budget, Future<T> future) {
        this.name = name;
        this.budget = budget;
        this.future = future;
    }

    public String name() {
        return name;
    }

    synchronized void join() {
        if (outcome == null) {
            outcome = FanOut.Screen.await(future, budget);
        }
    }

    /** The value; empty when the part had none (e.g. a 404 meaning "none") or is degraded. */
    public Optional<T> value() {
        join();
        return Optional.ofNullable(outcome.value());
    }

    public boolean degraded() {
        join();
        return outcome.failure() != null && !callersFault(outcome.failure());
    }

    /** Why the part is missing, if it failed. */
    public Optional<Throwable> failure() {
        join();
        return Optional.ofNullable(outcome.failure());
    }

    void rethrowCallersFault() {
        if (outcome.failure() instanceof RuntimeException failure && callersFault(failure)) {
            throw failure;
        }
    }

    /** A bad token or bad input is the caller's to fix, not a dependency's outage; a missing subject is a 404. */
    private static boolean callersFault(Throwable failure) {
        return failure instanceof UnauthorizedException || failure instanceof InvalidInputException
                || failure instanceof NotFoundException;
    }
}
