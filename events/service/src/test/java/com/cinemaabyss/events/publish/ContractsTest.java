package com.cinemaabyss.events.publish;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractsTest {

    private final Contracts contracts = new Contracts();

    @Test
    void theIngressPublishesOnlyTheTypesThisServiceSends() {
        assertEquals(Topics.MOVIE_EVENTS, contracts.publishable(EventTypes.MOVIE_EVENT).topic());
        assertEquals(Topics.USER_EVENTS, contracts.publishable(EventTypes.USER_EVENT).topic());
        assertEquals(Topics.PAYMENT_EVENTS, contracts.publishable(EventTypes.PAYMENT_EVENT).topic());
        assertEquals(Topics.PROVIDER_FEED, contracts.publishable(EventTypes.PROVIDER_TITLE_PUBLISHED).topic());
        assertEquals(Topics.PROVIDER_FEED, contracts.publishable(EventTypes.PROVIDER_TITLE_WITHDRAWN).topic());
        assertMessage(() -> contracts.publishable(EventTypes.MOVIE_UPSERTED), "is not accepted here");
        assertMessage(() -> contracts.publishable(EventTypes.TITLE_UPSERTED), "is not accepted here");
        assertMessage(() -> contracts.publishable("x".repeat(500)), "unknown CloudEvent type '" + "x".repeat(100) + "...'");
        assertMessage(() -> contracts.of(null), "unknown CloudEvent type ''");
    }

    @Test
    void aViolationIsBadInputNamingTheField() {
        byte[] data = "{\"movie_id\":1,\"title\":\"T\",\"action\":\"rated\",\"rating\":11}".getBytes(StandardCharsets.UTF_8);
        assertMessage(() -> contracts.requireValid(contracts.of(EventTypes.MOVIE_EVENT), data), "field 'rating' must be at most 10");
    }

    private static void assertMessage(Runnable call, String fragment) {
        String message = assertThrows(InvalidInputException.class, call::run).getMessage();
        assertTrue(message.contains(fragment), message);
    }
}
