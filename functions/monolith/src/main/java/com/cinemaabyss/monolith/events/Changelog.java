package com.cinemaabyss.monolith.events;

import com.cinemaabyss.contracts.EventContract;
import com.cinemaabyss.contracts.EventContracts;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.events.EventJson;
import io.cloudevents.CloudEvent;

import java.util.List;
import java.util.Optional;

/**
 * The monolith's side of an extracted function's changelog (identity's users, payments' payments, subscriptions'
 * subscriptions): what it reads is held to the type's JSON Schema, and a change that breaks it is refused (the
 * eventing layer dead-letters it).
 */
public final class Changelog<T> {

    private final String type;
    private final Class<T> dataType;
    private final EventContract contract;

    private Changelog(String type, Class<T> dataType) {
        this.type = type;
        this.dataType = dataType;
        this.contract = EventContracts.load().forType(type).orElseThrow(() -> new IllegalStateException("no contract for " + type));
    }

    public static <T> Changelog<T> of(String type, Class<T> dataType) {
        return new Changelog<>(type, dataType);
    }

    /** The change, or empty for an event of another type. */
    public Optional<T> read(CloudEvent event) {
        if (!type.equals(event.getType())) {
            return Optional.empty();
        }
        List<String> violations = contract.violations(event.getData() == null ? new byte[0] : event.getData().toBytes());
        if (!violations.isEmpty()) {
            throw new InvalidInputException("CloudEvent " + event.getId() + " breaks the schema of " + type + ": "
                    + String.join("; ", violations));
        }
        return Optional.of(EventJson.data(event, dataType));
    }
}
