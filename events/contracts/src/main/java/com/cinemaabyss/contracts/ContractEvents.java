package com.cinemaabyss.contracts;

import com.cinemaabyss.kit.core.InvalidInputException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * CloudEvents held to their contracts at both ends. What a function publishes is checked before it leaves: data that
 * breaks its schema is the publisher's bug (IllegalStateException: a 500, never queued for Kafka). What it receives is
 * checked before it is believed: a breach is the sender's (InvalidInputException: a 400, which the eventing layer
 * dead-letters instead of delivering it again).
 */
public final class ContractEvents {

    private static final int MAX_ID_IN_MESSAGE = 64;

    private ContractEvents() {
    }

    /** A new event of {@code type} about {@code subject}, from {@code source}, with {@code json} as its data. */
    public static CloudEvent create(URI source, String type, String subject, byte[] json) {
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

    /** Checks a received event's data against the contract of its type. */
    public static void requireValid(CloudEvent event) {
        List<String> violations = contract(event.getType()).violations(event.getData() == null ? new byte[0] : event.getData().toBytes());
        if (!violations.isEmpty()) {
            String id = String.valueOf(event.getId());
            throw new InvalidInputException("CloudEvent " + (id.length() > MAX_ID_IN_MESSAGE ? id.substring(0, MAX_ID_IN_MESSAGE) + "..." : id)
                    + " breaks the schema of " + event.getType() + ": " + String.join("; ", violations));
        }
    }

    private static EventContract contract(String type) {
        return EventContracts.load().forType(type).orElseThrow(() -> new IllegalStateException("no contract for " + type));
    }
}
