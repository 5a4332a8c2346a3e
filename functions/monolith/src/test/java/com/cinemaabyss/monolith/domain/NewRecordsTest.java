package com.cinemaabyss.monolith.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monolith's request records: what the legacy API accepted still passes, hostile values end in a short 400 message. */
class NewRecordsTest {

    @Test
    void paymentAmountsAreBoundedMoney() {
        assertEquals(new BigDecimal("9.99"), new NewPayment(1L, new BigDecimal("9.99")).amount());
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (String amount : List.of("-1e999999999", "1e999999999", "1e-999999999", "0", "-5", "0.001", "1000000.01", "9".repeat(40))) {
                String message = rejected(() -> new NewPayment(1L, new BigDecimal(amount)));
                assertTrue(message.startsWith("field 'amount' ") && message.length() < 120, message);
            }
        });
        assertEquals("field 'user_id' is required", rejected(() -> new NewPayment(null, BigDecimal.ONE)));
    }

    @Test
    void subscriptionMayEndWhenItStartsButNotBefore() {
        NewSubscription sameDay = new NewSubscription(1L, "basic", "2026-01-01", "2026-01-01T00:00:00Z");
        assertEquals(sameDay.startDate(), sameDay.endDate());
        assertEquals("field 'end_date' must not be before 'start_date'",
                rejected(() -> new NewSubscription(1L, "basic", "2026-01-02", "2026-01-01")));
    }

    @Test
    void subscriptionDatesAreBounded() {
        String message = rejected(() -> new NewSubscription(1L, "basic", "2026-01-01" + " ".repeat(100_000), null));
        assertTrue(message.startsWith("field 'start_date' ") && message.length() < 120, message);
    }

    @Test
    void textFieldsRejectControlCharactersNamingTheField() {
        assertEquals("field 'username' must not contain control characters", rejected(() -> new NewUser("neo\nadmin", "neo@matrix.io")));
        assertEquals("field 'email' must not contain control characters", rejected(() -> new NewUser("neo", "neo@matrix.io\r\nX: y")));
        assertEquals("field 'email' must not contain control characters", rejected(() -> new NewUser("neo", "ne\u0000o@matrix.io")));
        assertEquals("field 'plan_type' must not contain control characters",
                rejected(() -> new NewSubscription(1L, "basic\u001b[31m", null, null)));
        assertEquals("Zoë", new NewUser("Zoë", "zoe@example.com").username());
    }

    @Test
    void textFieldsAreBounded() {
        assertEquals("field 'username' must be at most 100 characters", rejected(() -> new NewUser("x".repeat(101), "a@b.io")));
        assertEquals("field 'email' must be at most 254 characters", rejected(() -> new NewUser("x", "a@" + "b".repeat(300) + ".io")));
        assertEquals("field 'plan_type' must be at most 50 characters", rejected(() -> new NewSubscription(1L, "p".repeat(51), null, null)));
    }

    private static String rejected(Runnable construction) {
        return assertThrows(InvalidInputException.class, construction::run).getMessage();
    }
}
