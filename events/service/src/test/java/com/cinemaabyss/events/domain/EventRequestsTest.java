package com.cinemaabyss.events.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventRequestsTest {

    @Test
    void movieEventNeedsAnIdATitleAndAnAction() {
        assertMessage(() -> new MovieEvent(null, "T", "viewed", null, null, null, null), "field 'movie_id' is required");
        assertMessage(() -> new MovieEvent(1L, " ", "viewed", null, null, null, null), "field 'title'");
        assertMessage(() -> new MovieEvent(1L, "T", null, null, null, null, null), "field 'action'");
        assertMessage(() -> new MovieEvent(1L, "T", "rated", 1L, 11.0, null, null), "field 'rating' must be between");
        assertMessage(() -> new MovieEvent(1L, "T", "rated", -4L, 5.0, null, null), "field 'user_id' must be a positive integer");
        assertEquals(List.of("Drama"), new MovieEvent(1L, "T", "viewed", null, null, List.of(" Drama "), null).genres());
    }

    @Test
    void userEventNeedsAnIsoTimestampAndNormalisesItToUtc() {
        assertMessage(() -> new UserEvent(1L, "neo", null, "logged_in", "yesterday"), "field 'timestamp' must be an ISO-8601");
        assertMessage(() -> new UserEvent(1L, "neo", null, "logged_in", null), "field 'timestamp' is required");
        assertEquals("2026-11-24T07:00:00Z", new UserEvent(1L, "neo", null, "logged_in", "2026-11-24T10:00:00+03:00").timestamp());
    }

    @Test
    void paymentEventRejectsNegativeAmounts() {
        assertMessage(() -> new PaymentEvent(1L, 2L, new BigDecimal("-0.01"), "completed", "2026-11-24T10:00:00Z", null),
                "field 'amount' must not be negative");
        assertMessage(() -> new PaymentEvent(1L, 2L, BigDecimal.TEN, "", "2026-11-24T10:00:00Z", null), "field 'status'");
        assertEquals(BigDecimal.ZERO, new PaymentEvent(1L, 2L, BigDecimal.ZERO, "refunded", "2026-11-24T10:00:00Z", "card").amount());
    }

    @Test
    void actionsAndStatusesAreKnownValuesAndTheAnswerListsThemWithoutEchoingTheInput() {
        String movieActions = "field 'action' must be one of viewed, rated, favorited, unfavorited, watchlisted, unwatchlisted, shared";
        String userActions = "field 'action' must be one of registered, logged_in, logged_out, profile_updated, password_changed, deleted";
        String statuses = "field 'status' must be one of pending, completed, failed, refunded, cancelled";
        assertExactMessage(() -> new MovieEvent(1L, "T", "binged", null, null, null, null), movieActions);
        assertExactMessage(() -> new MovieEvent(1L, "T", "Viewed", null, null, null, null), movieActions);
        assertExactMessage(() -> new MovieEvent(1L, "T", "viewed\r\nx-injected: 1", null, null, null, null), movieActions);
        assertExactMessage(() -> new MovieEvent(1L, "T", "vi\u00e9wed", null, null, null, null), movieActions);
        assertExactMessage(() -> new UserEvent(1L, null, null, "x".repeat(10_000), "2026-11-24T10:00:00Z"), userActions);
        assertExactMessage(() -> new PaymentEvent(1L, 2L, BigDecimal.ONE, "ok", "2026-11-24T10:00:00Z", null), statuses);
        assertMessage(() -> new PaymentEvent(1L, 2L, BigDecimal.ONE, null, "2026-11-24T10:00:00Z", null), "field 'status' is required");
        assertEquals("shared", new MovieEvent(1L, "T", " shared ", null, null, null, null).action());
        assertEquals("password_changed", new UserEvent(1L, null, null, "password_changed", "2026-11-24T10:00:00Z").action());
        assertEquals("cancelled", new PaymentEvent(1L, 2L, BigDecimal.ONE, "cancelled", "2026-11-24T10:00:00Z", null).status());
    }

    @Test
    void aRatedMovieEventNeedsARating() {
        assertExactMessage(() -> new MovieEvent(1L, "T", "rated", 3L, null, null, null), "field 'rating' is required when action is rated");
        assertEquals(0.0, new MovieEvent(1L, "T", "rated", 3L, 0.0, null, null).rating());
        assertEquals(null, new MovieEvent(1L, "T", "viewed", 3L, null, null, null).rating());
    }

    private static void assertExactMessage(Runnable construction, String message) {
        assertEquals(message, assertThrows(InvalidInputException.class, construction::run).getMessage());
    }

    private static void assertMessage(Runnable construction, String fragment) {
        String message = assertThrows(InvalidInputException.class, construction::run).getMessage();
        assertTrue(message.contains(fragment), message);
    }
}
