package com.cinemaabyss.kit.events;

import com.cinemaabyss.contracts.EventContract;
import com.cinemaabyss.contracts.EventContracts;
import com.cinemaabyss.kit.core.InvalidInputException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * CloudEvents held to their contracts (events/contracts) at both ends. What a function publishes is checked before it
 * leaves: data that breaks its schema is the publisher's bug (IllegalStateException, a 500 that nothing retries into
 * Kafka). What it receives is checked before it is believed: a breach is the sender's (InvalidInputException, a 400
 * the eventing layer dead-letters instead of delivering again).
 */
public final class ContractEvents {

    private ContractEvents() {
    }

    /** A new event of {@code type} about {@code subject}, from {@code source}, its data as JSON. */
    public static CloudEvent create(URI source, String type, String subject, Object data) {
        byte[] json = EventJson.toBytes(data);
        List<String> violations = contract(type).violations(json);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(source + " wrote " + type + " about " + subject + " that breaks its schema: "
                    + String.join("; ", violations));
        }
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(source)
                .withType(type)
                .withSubject(subject)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json)
                .build();
    }

    /** The topic the contracts put {@code type} on. */
    public static String topic(String type) {
        return contract(type).topic();
    }

    /** The data of {@code event} as {@code dataType} when it is of {@code eventType}, checked first; empty for other types. */
    public static <T> Optional<T> read(CloudEvent event, String eventType, Class<T> dataType) {
        if (!eventType.equals(event.getType())) {
            return Optional.empty();
        }
        requireValid(event);
        return Optional.of(EventJson.data(event, dataType));
    }

    /** Checks a received event's data against the contract of its type: InvalidInputException (400) when it breaks it. */
    public static void requireValid(CloudEvent event) {
        List<String> violations = contract(event.getType()).violations(event.getData() == null ? new byte[0] : event.getData().toBytes());
        if (!violations.isEmpty()) {
            String id = String.valueOf(event.getId());
            throw new InvalidInputException("CloudEvent " + (id.length() > 64 ? id.substring(0, 64) + "..." : id)
                    + " breaks the schema of " + event.getType() + ": " + String.join("; ", violations));
        }
    }

    private static EventContract contract(String type) {
        return EventContracts.load().forType(type).orElseThrow(() -> new IllegalStateException("no contract for " + type));
    }
}
