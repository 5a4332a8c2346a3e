package com.cinemaabyss.events.functions;

import com.cinemaabyss.contracts.EventTypes;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatNamesTest {

    @Test
    void theFixedNamesAreOnePerTypeActionAndStatus() {
        List<String> fixed = StatNames.fixed();
        assertEquals(3 + 7 + 6 + 5, fixed.size());
        assertEquals(fixed.size(), new HashSet<>(fixed).size(), "no name twice");
        assertTrue(fixed.contains("type#" + EventTypes.PAYMENT_EVENT), fixed.toString());
        assertTrue(fixed.containsAll(List.of("movie-action#unwatchlisted", "user-action#logged_out", "payment-status#cancelled")), fixed.toString());
        fixed.forEach(name -> assertTrue(name.matches("(type|movie-action|user-action|payment-status)#[a-z0-9._]+"), name));
    }

    @Test
    void perEntityNamesAreNotAmongTheFixedOnes() {
        assertEquals("movie-ratings#4242", StatNames.movieRatings(4242));
        assertEquals("failed-payments#user#99", StatNames.failedPayments(99));
        assertTrue(StatNames.fixed().stream().noneMatch(name -> name.startsWith("movie-ratings#") || name.startsWith("failed-payments#")));
    }
}
