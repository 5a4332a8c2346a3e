package com.cinemaabyss.monolith.events;

import com.cinemaabyss.kit.events.EventJson;
import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventContracts;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The monolith's side of an extracted function's changelog (identity's users, payments' payments, subscriptions'
 * subscriptions): what it reads is held to the type's JSON Schema, and a change that breaks it is refused (the
 * eventing layer dead-letters it).
 */
public final class Changelog<T> {

    private static final Logger log = LoggerFactory.getLogger(Changelog.class);

    private final String type;
    private final Class<T> dataType;

    private Changelog(String type, Class<T> dataType) {
        this.type = type;
        this.dataType = dataType;
        // Fails at start for a type without a contract, not at the first event.
        EventContracts.load().forType(type).orElseThrow(() -> new IllegalStateException("no contract for " + type));
    }

    public static <T> Changelog<T> of(String type, Class<T> dataType) {
        return new Changelog<>(type, dataType);
    }

    /** A consumer of the changelog's events: each change of this type is applied, events of other types skipped. */
    public Consumer<CloudEvent> applying(Consumer<T> apply) {
        return event -> read(event).ifPresentOrElse(change -> {
            apply.accept(change);
            log.info("event={} type={} subject={} applied", event.getId(), event.getType(), event.getSubject());
        }, () -> log.debug("event={} type={} skipped: not a {}", event.getId(), event.getType(), type));
    }

    /** The change, or empty for an event of another type. */
    public Optional<T> read(CloudEvent event) {
        if (!type.equals(event.getType())) {
            return Optional.empty();
        }
        ContractEvents.requireValid(event);
        return Optional.of(EventJson.data(event, dataType));
    }
}
