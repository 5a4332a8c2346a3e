package com.cinemaabyss.monolith.events;

import com.cinemaabyss.contracts.EventContract;
import com.cinemaabyss.contracts.EventContracts;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.events.EventJson;
import io.cloudevents.CloudEvent;

import java.util.List;
import java.util.Optional;

/**
 * The monolith's side of identity's user changelog ({@value EventTypes#USER_UPSERTED} on user-changes): what it
 * reads is held to the type's JSON Schema, and a change that breaks it is refused (the eventing layer dead-letters it).
 */
public final class UserChangelog {

    private static final EventContract CONTRACT = EventContracts.load().forType(EventTypes.USER_UPSERTED)
            .orElseThrow(() -> new IllegalStateException("no contract for " + EventTypes.USER_UPSERTED));

    private UserChangelog() {
    }

    /** The change, or empty for an event of another type. */
    public static Optional<UserChange> read(CloudEvent event) {
        if (!EventTypes.USER_UPSERTED.equals(event.getType())) {
            return Optional.empty();
        }
        List<String> violations = CONTRACT.violations(event.getData() == null ? new byte[0] : event.getData().toBytes());
        if (!violations.isEmpty()) {
            throw new InvalidInputException("CloudEvent " + event.getId() + " breaks the schema of " + EventTypes.USER_UPSERTED + ": "
                    + String.join("; ", violations));
        }
        return Optional.of(EventJson.data(event, UserChange.class));
    }
}
