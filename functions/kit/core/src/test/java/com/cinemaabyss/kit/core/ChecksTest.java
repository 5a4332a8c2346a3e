package com.cinemaabyss.kit.core;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    }
}
