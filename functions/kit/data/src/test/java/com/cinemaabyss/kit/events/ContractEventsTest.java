package com.cinemaabyss.kit.events;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.core.InvalidInputException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractEventsTest {

    private static final URI SOURCE = URI.create("/cinemaabyss/test");

    record Change(long id, String email, String username, long version) {
    }

    @Test
    void aPublishedEventCarriesItsTypeSubjectAndDataAndLandsOnTheContractsTopic() {
        CloudEvent event = ContractEvents.create(SOURCE, EventTypes.USER_UPSERTED, "42", new Change(42, "neo@matrix.io", "neo", 1));
        assertEquals(EventTypes.USER_UPSERTED, event.getType());
        assertEquals("42", event.getSubject());
        assertEquals(SOURCE, event.getSource());
        assertEquals("application/json", event.getDataContentType());
        assertEquals(Topics.USER_CHANGES, ContractEvents.topic(EventTypes.USER_UPSERTED));
        assertEquals(Optional.of(new Change(42, "neo@matrix.io", "neo", 1)), ContractEvents.read(event, EventTypes.USER_UPSERTED, Change.class));
    }

    @Test
    void dataThatBreaksTheContractIsThePublishersBugOnTheWayOutAndTheSendersOnTheWayIn() {
        IllegalStateException out = assertThrows(IllegalStateException.class,
                () -> ContractEvents.create(SOURCE, EventTypes.USER_UPSERTED, "42", Map.of("id", 42)));
        assertTrue(out.getMessage().contains("breaks its schema"), out.getMessage());
        CloudEvent broken = CloudEventBuilder.v1().withId("x".repeat(300)).withSource(SOURCE).withType(EventTypes.USER_UPSERTED)
                .withData("application/json", "{\"id\":42}".getBytes(StandardCharsets.UTF_8)).build();
        InvalidInputException in = assertThrows(InvalidInputException.class, () -> ContractEvents.read(broken, EventTypes.USER_UPSERTED, Change.class));
        assertTrue(in.getMessage().contains("breaks the schema of " + EventTypes.USER_UPSERTED) && in.getMessage().length() < 600, in.getMessage());
        assertEquals(Optional.empty(), ContractEvents.read(broken, EventTypes.MOVIE_UPSERTED, Change.class), "another type is not read");
    }
}
