package com.cinemaabyss.recommendations.functions;

import com.cinemaabyss.recommendations.domain.Title;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PopularTitlesTest {

    private static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theCandidatesAreReadOncePerRefreshInTheBackgroundAndEveryTimeWithoutOne() {
        AtomicInteger reads = new AtomicInteger();
        Ticking clock = new Ticking();
        List<Runnable> background = new java.util.ArrayList<>();
        PopularTitles popular = new PopularTitles(() -> List.of(new Title(reads.incrementAndGet(), "T", List.of(), true)),
                Duration.ofSeconds(5), clock, background::add);
        assertEquals(1, popular.get().getFirst().id(), "the first answer reads");
        clock.now = clock.now.plusSeconds(4);
        assertEquals(1, popular.get().getFirst().id());
        assertEquals(List.of(), background);
        clock.now = clock.now.plusSeconds(1);
        assertEquals(1, popular.get().getFirst().id(), "stale: still answered at once, a read is started");
        assertEquals(1, popular.get().getFirst().id());
        assertEquals(1, background.size(), "one read at a time");
        background.getFirst().run();
        assertEquals(2, popular.get().getFirst().id());
        PopularTitles always = new PopularTitles(() -> List.of(new Title(reads.incrementAndGet(), "T", List.of(), true)), Duration.ZERO, clock,
                Runnable::run);
        always.get();
        always.get();
        assertEquals(4, reads.get());
    }
}
