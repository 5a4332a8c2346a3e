package com.cinemaabyss.events.publish;

import com.cinemaabyss.contracts.ContractViolationException;
import com.cinemaabyss.contracts.EventContract;
import com.cinemaabyss.contracts.EventContracts;
import com.cinemaabyss.kit.core.InvalidInputException;
import io.cloudevents.CloudEvent;
import org.springframework.stereotype.Component;

/**
 * The platform's event contracts as this service applies them: every event it publishes or consumes must match
 * its type's JSON Schema, and a mismatch is the caller's fault (400), never retried.
 */
@Component
public class Contracts {

    private static final int MAX_ECHOED_TYPE = 100;

    private final EventContracts contracts = EventContracts.load();

    /** The contract of {@code type}; an unknown type is bad input. */
    public EventContract of(String type) {
        return contracts.forType(type).orElseThrow(() -> new InvalidInputException(
                "unknown CloudEvent type '" + shortened(type) + "'; known types: " + String.join(", ", contracts.types())));
    }

    /** Checks the data of {@code event} against the schema of its own type. */
    public void requireValid(CloudEvent event) {
        requireValid(of(event.getType()), event.getData() == null ? null : event.getData().toBytes());
    }

    public void requireValid(EventContract contract, byte[] data) {
        try {
            contract.requireValid(data);
        } catch (ContractViolationException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    public String asyncApiYaml() {
        return contracts.asyncApiYaml();
    }

    private static String shortened(String type) {
        if (type == null) {
            return "";
        }
        return type.length() <= MAX_ECHOED_TYPE ? type : type.substring(0, MAX_ECHOED_TYPE) + "...";
    }
}
