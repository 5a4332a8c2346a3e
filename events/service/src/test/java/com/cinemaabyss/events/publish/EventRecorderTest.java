package com.cinemaabyss.events.publish;

import com.cinemaabyss.events.domain.PaymentEvent;
import com.cinemaabyss.contracts.EventTypes;
import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventRecorderTest {

    @Test
    void aPaymentBecomesACloudEventWithItsStatusAsAnExtension() {
        PaymentEvent payment = new PaymentEvent(42L, 7L, new BigDecimal("9.99"), "failed", "2026-11-24T10:00:00Z", "card");
        CloudEvent event = EventRecorder.toCloudEvent(EventKind.PAYMENT, 42, "failed", payment);

        assertEquals(EventTypes.PAYMENT_EVENT, event.getType());
        assertEquals("/cinemaabyss/events-service", event.getSource().toString());
        assertEquals("42", event.getSubject());
        assertEquals("failed", event.getExtension("status"));
        assertEquals("application/json", event.getDataContentType());
        assertNotNull(event.getTime());
        String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        assertTrue(data.contains("\"payment_id\":42") && data.contains("\"method_type\":\"card\"") && data.contains("\"amount\":9.99"), data);
    }

    @Test
    void everyEventGetsItsOwnId() {
        CloudEvent first = EventRecorder.toCloudEvent(EventKind.MOVIE, 1, "viewed", "{}");
        CloudEvent second = EventRecorder.toCloudEvent(EventKind.MOVIE, 1, "viewed", "{}");
        assertNotEquals(first.getId(), second.getId());
    }
}
