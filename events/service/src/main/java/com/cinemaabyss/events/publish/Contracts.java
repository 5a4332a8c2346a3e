package com.cinemaabyss.events.publish;

import com.cinemaabyss.contracts.ContractViolationException;
import com.cinemaabyss.contracts.EventContract;
import com.cinemaabyss.contracts.EventContracts;
import com.cinemaabyss.contracts.Operation;
import com.cinemaabyss.kit.core.InvalidInputException;
import io.cloudevents.CloudEvent;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The platform's event contracts as this service applies them: every event it publishes or consumes must match
 * its type's JSON Schema, and a mismatch is the caller's fault (400), never retried.
 */
@Component
public class Contracts {

    /** The Knative Service name this service's operations carry in the AsyncAPI document ({@code x-service}). */
    static final String SERVICE = "events";
    private static final int MAX_ECHOED_TYPE = 100;

    private final EventContracts contracts = EventContracts.load();
    private final Set<String> sentHere = sentBy(contracts, SERVICE);

    /** The contract of {@code type}; an unknown type is bad input. */
    public EventContract of(String type) {
        return contracts.forType(type).orElseThrow(() -> new InvalidInputException(
                "unknown CloudEvent type '" + shortened(type) + "'; known types: " + String.join(", ", contracts.types())));
    }

    /**
     * The contract of a type this service may publish for others: one the AsyncAPI document has it send. Other
     * known types (the catalog's movie changelog) belong to their own writers and are refused.
     */
    public EventContract publishable(String type) {
        EventContract contract = of(type);
        if (!sentHere.contains(type)) {
            throw new InvalidInputException("CloudEvent type '" + type + "' is not accepted here; this ingress publishes "
                    + String.join(", ", sentHere));
        }
        return contract;
    }

    /** Whether {@code type} is a known type that travels on the same topic as {@code ownType}. */
    public boolean onSameTopic(String type, String ownType) {
        return contracts.forType(type).map(EventContract::topic).filter(topic -> topic.equals(of(ownType).topic())).isPresent();
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

    private static Set<String> sentBy(EventContracts contracts, String service) {
        Set<String> types = new TreeSet<>();
        contracts.operations().stream()
                .filter(operation -> operation.action() == Operation.Action.SEND && service.equals(operation.service()))
                .forEach(operation -> types.addAll(operation.types()));
        return Collections.unmodifiableSet(types);
    }

    private static String shortened(String type) {
        if (type == null) {
            return "";
        }
        return type.length() <= MAX_ECHOED_TYPE ? type : type.substring(0, MAX_ECHOED_TYPE) + "...";
    }
}
