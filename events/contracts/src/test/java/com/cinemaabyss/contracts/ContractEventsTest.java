package com.cinemaabyss.contracts;

import com.cinemaabyss.kit.core.InvalidInputException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractEventsTest {

    private static final URI SOURCE = URI.create("/cinemaabyss/test");
    private static final byte[] CHANGE = "{\"id\":42,\"email\":\"neo@matrix.io\",\"username\":\"neo\",\"version\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aPublishedEventCarriesItsTypeSubjectAndDataAndItsContractsTopic() {
        CloudEvent event = ContractEvents.create(SOURCE, EventTypes.USER_UPSERTED, "42", CHANGE);
        assertEquals(EventTypes.USER_UPSERTED, event.getType());
        assertEquals("42", event.getSubject());
        assertEquals(SOURCE, event.getSource());
        assertEquals("application/json", event.getDataContentType());
        assertArrayEquals(CHANGE, event.getData().toBytes());
        assertEquals(Topics.USER_CHANGES, ContractEvents.topic(EventTypes.USER_UPSERTED));
        assertDoesNotThrow(() -> ContractEvents.requireValid(event));
    }

    @Test
    void dataThatBreaksTheContractIsThePublishersBugOnTheWayOutAndTheSendersOnTheWayIn() {
        byte[] broken = "{\"id\":42}".getBytes(StandardCharsets.UTF_8);
        IllegalStateException out = assertThrows(IllegalStateException.class,
                () -> ContractEvents.create(SOURCE, EventTypes.USER_UPSERTED, "42", broken));
        assertTrue(out.getMessage().contains("breaks its schema"), out.getMessage());
        CloudEvent received = CloudEventBuilder.v1().withId("x".repeat(300)).withSource(SOURCE).withType(EventTypes.USER_UPSERTED)
                .withData("application/json", broken).build();
        InvalidInputException in = assertThrows(InvalidInputException.class, () -> ContractEvents.requireValid(received));
        assertTrue(in.getMessage().contains("breaks the schema of " + EventTypes.USER_UPSERTED) && in.getMessage().length() < 600, in.getMessage());
    }
}
