package com.cinemaabyss.recommendations.functions;

import com.cinemaabyss.recommendations.domain.Title;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The fallback's candidates (the most popular published titles), read at most once per {@code refresh}: popularity
 * moves slowly, and reading hundreds of titles on every answer would make the fallback slower than the engine's path.
 * Once they are older than {@code refresh}, the next answer still gets them and a new read starts on {@code background}
 * (so no answer but the very first waits for that read). What the fallback finally answers is read again by id, so a
 * title withdrawn since the last read is never answered. A zero {@code refresh} reads every time, in the caller.
 */
public final class PopularTitles {

    private final Supplier<List<Title>> read;
    private final Duration refresh;
    private final Clock clock;
    private final Executor background;
    private volatile List<Title> cached;
    private volatile Instant readAt;
    private final AtomicBoolean reading = new AtomicBoolean();

    public PopularTitles(Supplier<List<Title>> read, Duration refresh, Clock clock, Executor background) {
        this.read = read;
        this.refresh = refresh;
        this.clock = clock;
        this.background = background;
    }

    public List<Title> get() {
        List<Title> now = cached;
        if (now == null || refresh.isZero()) {
            return readNow();
        }
        if (!clock.instant().isBefore(readAt.plus(refresh)) && reading.compareAndSet(false, true)) {
            try {
                background.execute(() -> {
                    try {
                        readNow();
                    } catch (RuntimeException e) {
                        // DynamoDB did not answer: the candidates stay as they were, the next answer tries again.
                    } finally {
                        reading.set(false);
                    }
                });
            } catch (RuntimeException rejected) {
                reading.set(false);
            }
        }
        return now;
    }

    private List<Title> readNow() {
        Instant at = clock.instant();
        List<Title> fresh = List.copyOf(read.get());
        cached = fresh;
        readAt = at;
        return fresh;
    }
}
