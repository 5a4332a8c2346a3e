package com.cinemaabyss.kit.core;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChecksTest {

    @Test
    void messagesNameTheField() {
        assertEquals("field 'title' is required and must be a non-empty string",
                assertThrows(InvalidInputException.class, () -> Checks.requireText("  ", "title")).getMessage());
        assertEquals("field 'amount' must not be negative, got -1.5",
                assertThrows(InvalidInputException.class, () -> Checks.requireNonNegative(new BigDecimal("-1.5"), "amount")).getMessage());
        assertEquals("field 'rating' must be between 0.0 and 10.0, got 10.5",
                assertThrows(InvalidInputException.class, () -> Checks.optionalInRange(10.5, 0, 10, "rating")).getMessage());
        assertThrows(InvalidInputException.class, () -> Checks.optionalInRange(Double.NaN, 0, 10, "rating"));
        assertThrows(InvalidInputException.class, () -> Checks.requirePositive(0L, "user_id"));
        assertThrows(InvalidInputException.class, () -> Checks.textList(Arrays.asList("Drama", null), "genres"));
    }

    @Test
    void acceptedValuesComeBackTrimmed() {
        assertEquals("Solaris", Checks.requireText(" Solaris ", "title"));
        assertEquals(List.of("Drama"), Checks.textList(List.of(" Drama"), "genres"));
        assertEquals(List.of(), Checks.textList(null, "genres"));
        assertEquals(10.0, Checks.optionalInRange(10.0, 0, 10, "rating"));
    }

    @Test
    void labelListsAreBoundedInLengthAndCount() {
        assertEquals(Checks.MAX_LABELS, Checks.textList(Collections.nCopies(Checks.MAX_LABELS, "Drama"), "genres").size());
        assertEquals("field 'genres' must have at most 50 items, got 51",
                assertThrows(InvalidInputException.class, () -> Checks.textList(Collections.nCopies(51, "Drama"), "genres")).getMessage());
        assertEquals(List.of("x".repeat(100)), Checks.textList(List.of("x".repeat(100)), "genres"));
        assertThrows(InvalidInputException.class, () -> Checks.textList(List.of("x".repeat(101)), "genres"));
        assertThrows(InvalidInputException.class, () -> Checks.textList(List.of("Dra\u0000ma"), "genres"));
    }

    @Test
    void hugeExponentsAreRejectedQuicklyWithoutExpandingTheNumber() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (String hostile : List.of("-1e999999999", "1e999999999", "1e-999999999", "1e2147483647", "10e2147483647",
                    "-1e-2147483647", "1" + "0".repeat(60) + "e-999999999", "9".repeat(64))) {
                BigDecimal value = new BigDecimal(hostile);
                String message = assertThrows(InvalidInputException.class, () -> Checks.money(value, "amount"), hostile).getMessage();
                assertTrue(message.startsWith("field 'amount' ") && message.length() < 120, message);
                if (value.signum() < 0) {
                    String nonNegative = assertThrows(InvalidInputException.class, () -> Checks.requireNonNegative(value, "amount")).getMessage();
                    assertTrue(nonNegative.length() < 120, nonNegative);
                }
            }
        });
        assertEquals("field 'amount' must not be negative, got -1E+999999999",
                assertThrows(InvalidInputException.class, () -> Checks.money(new BigDecimal("-1e999999999"), "amount")).getMessage());
        assertEquals("field 'amount' must be at most 1000000, got a number too long to show",
                assertThrows(InvalidInputException.class, () -> Checks.money(new BigDecimal("9".repeat(40)), "amount")).getMessage());
    }

    @Test
    void moneyIsPositiveAtMostAMillionWithAtMostTwoFractionDigits() {
        assertEquals(new BigDecimal("9.99"), Checks.money(new BigDecimal("9.99"), "amount"));
        assertEquals(new BigDecimal("1000000.00"), Checks.money(new BigDecimal("1000000.00"), "amount"));
        assertEquals(new BigDecimal("1E+6"), Checks.money(new BigDecimal("1E+6"), "amount"));
        assertEquals(new BigDecimal("0.010000"), Checks.money(new BigDecimal("0.010000"), "amount"));
        assertEquals("field 'amount' must be greater than 0",
                assertThrows(InvalidInputException.class, () -> Checks.money(new BigDecimal("0.00"), "amount")).getMessage());
        assertEquals("field 'amount' must be at most 1000000, got 1000000.01",
                assertThrows(InvalidInputException.class, () -> Checks.money(new BigDecimal("1000000.01"), "amount")).getMessage());
        assertEquals("field 'amount' must have at most 2 digits after the decimal point, got 0.001",
                assertThrows(InvalidInputException.class, () -> Checks.money(new BigDecimal("0.001"), "amount")).getMessage());
        assertThrows(InvalidInputException.class, () -> Checks.money(null, "amount"));
    }

    @Test
    void infiniteDoublesAreOutOfRange() {
        // What Jackson makes of 1e400 and -1e400.
        assertThrows(InvalidInputException.class, () -> Checks.optionalInRange(Double.POSITIVE_INFINITY, 0, 10, "rating"));
        assertThrows(InvalidInputException.class, () -> Checks.optionalInRange(Double.NEGATIVE_INFINITY, 0, 10, "rating"));
    }

    @Test
    void controlCharactersAreRejected() {
        assertEquals("neo", Checks.noControlCharacters("neo", "username"));
        assertEquals("Zoë ☃", Checks.noControlCharacters("Zoë ☃", "username"));
        for (String bad : List.of("a\nb", "a\rb", "a\tb", "\u0000", "a\u001bb", "a\u007fb")) {
            assertEquals("field 'username' must not contain control characters",
                    assertThrows(InvalidInputException.class, () -> Checks.noControlCharacters(bad, "username")).getMessage());
        }
    }
}
