package com.cinemaabyss.discounts.store;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Within one instance, runs the work on one key at a time. Fifty checkouts racing for the same promo code in one
 * instance otherwise all read, decide and try to commit together; all but one lose and start again, and a code of
 * ten uses took about a second per use. In turn, each commits at its first attempt. Races between instances are still
 * settled by the transactions' conditions ({@link Retrying}); this only keeps one instance from racing itself.
 * <p>
 * A fixed number of locks, chosen by the key's hash: a flood of distinct keys cannot grow it, and two keys that share
 * a lock only wait for each other.
 */
final class HotKeys {

    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    HotKeys() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Runs {@code work} alone among this instance's work on {@code key}; a null key runs it at once. */
    <T> T oneAtATime(String key, Supplier<T> work) {
        if (key == null) {
            return work.get();
        }
        ReentrantLock lock = locks[Math.floorMod(key.hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
