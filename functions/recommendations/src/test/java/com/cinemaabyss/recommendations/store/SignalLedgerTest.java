package com.cinemaabyss.recommendations.store;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalLedgerTest {

    private final SignalLedger ledger = new SignalLedger(null, "t", null, Duration.ofDays(14), Duration.ofDays(7), Clock.systemUTC());

    @Test
    void popularityHalvesWithEachHalfLifeOfAgeAndTheFutureCountsAsNow() {
        Instant now = Instant.parse("2027-01-01T00:00:00Z");
        double fresh = ledger.decayed(1, now, now);
        double old = ledger.decayed(1, now.minus(Duration.ofDays(14)), now);
        assertEquals(0.5, old / fresh, 1e-9);
        assertEquals(fresh, ledger.decayed(1, now.plus(Duration.ofDays(3)), now));
        assertEquals(1.0, ledger.decayed(1, Instant.parse("2020-01-01T00:00:00Z"), now), "before the epoch: the epoch");
        assertTrue(Double.isFinite(ledger.decayed(2, Instant.parse("2040-01-01T00:00:00Z"), Instant.parse("2040-01-01T00:00:00Z"))));
        assertEquals(64, SignalLedger.key("/a", "1").length());
    }
}
