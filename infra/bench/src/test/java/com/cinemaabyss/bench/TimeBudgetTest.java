package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeBudgetTest {

    private final AtomicLong now = new AtomicLong();
    private final TimeBudget budget = new TimeBudget(Duration.ofSeconds(100).toNanos(), now::get);

    @Test
    void anythingFitsBeforeTheFirstMeasurement() {
        assertTrue(budget.affords(1_000));
    }

    @Test
    void plansAtTheMeanPaceSoFar() {
        budget.spent(Duration.ofSeconds(30), 2);
        budget.spent(Duration.ofSeconds(10), 2);
        now.set(Duration.ofSeconds(40).toNanos());
        assertEquals(Duration.ofSeconds(60), budget.left());
        assertEquals(Duration.ofSeconds(60), budget.estimate(6), "10 s a launch");
        assertTrue(budget.affords(6));
        assertFalse(budget.affords(7));
    }

    @Test
    void nothingIsLeftPastTheDeadline() {
        budget.spent(Duration.ofSeconds(1), 1);
        now.set(Duration.ofSeconds(120).toNanos());
        assertEquals(Duration.ZERO, budget.left());
        assertFalse(budget.affords(1));
    }
}
