package com.cinemaabyss.recommendations.functions;

import com.cinemaabyss.recommendations.domain.Title;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The fallback's candidates (the most popular published titles), read at most once per {@code refresh}: popularity
 * moves slowly, and reading hundreds of titles on every answer would make the fallback slower than the engine's path.
 * What the fallback finally answers is read again by id, so a title withdrawn since the last read is never answered.
 * A zero {@code refresh} reads every time.
 */
public final class PopularTitles {

    private final Supplier<List<Title>> read;
    private final Duration refresh;
    private final Clock clock;
    private List<Title> cached;
    private Instant readAt;

    public PopularTitles(Supplier<List<Title>> read, Duration refresh, Clock clock) {
        this.read = read;
        this.refresh = refresh;
        this.clock = clock;
    }

    public synchronized List<Title> get() {
        Instant now = clock.instant();
        if (cached == null || refresh.isZero() || !now.isBefore(readAt.plus(refresh))) {
            cached = List.copyOf(read.get());
            readAt = now;
        }
        return cached;
    }
}
