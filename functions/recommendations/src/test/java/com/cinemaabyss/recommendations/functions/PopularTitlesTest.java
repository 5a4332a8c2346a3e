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
    void theCandidatesAreReadOncePerRefreshAndEveryTimeWithoutOne() {
        AtomicInteger reads = new AtomicInteger();
        Ticking clock = new Ticking();
        PopularTitles popular = new PopularTitles(() -> List.of(new Title(reads.incrementAndGet(), "T", List.of(), true)),
                Duration.ofSeconds(5), clock);
        assertEquals(1, popular.get().getFirst().id());
        clock.now = clock.now.plusSeconds(4);
        assertEquals(1, popular.get().getFirst().id());
        clock.now = clock.now.plusSeconds(1);
        assertEquals(2, popular.get().getFirst().id());
        PopularTitles always = new PopularTitles(() -> List.of(new Title(reads.incrementAndGet(), "T", List.of(), true)), Duration.ZERO, clock);
        always.get();
        always.get();
        assertEquals(4, reads.get());
    }
}
