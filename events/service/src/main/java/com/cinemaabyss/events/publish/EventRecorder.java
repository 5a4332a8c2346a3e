package com.cinemaabyss.events.publish;

import com.cinemaabyss.contracts.EventContract;
import com.cinemaabyss.events.domain.RecordedEvent;
import com.cinemaabyss.kit.events.CloudEventPublisher;
import com.cinemaabyss.kit.events.EventJson;
import com.cinemaabyss.kit.events.PublishedEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Wraps a validated payload as a CloudEvent, checks its data against the type's schema, and publishes it to the
 * type's topic, answering only after Kafka acknowledged it.
 */
@Component
public class EventRecorder {

    static final URI SOURCE = URI.create("/cinemaabyss/events-service");

    private final CloudEventPublisher publisher;
    private final Contracts contracts;

    public EventRecorder(CloudEventPublisher publisher, Contracts contracts) {
        this.publisher = publisher;
        this.contracts = contracts;
    }

    public RecordedEvent record(EventKind kind, long subject, String extensionValue, Object payload) {
        CloudEvent event = checked(kind, subject, extensionValue, payload);
        PublishedEvent stored = publisher.publish(contracts.of(kind.type()).topic(), Long.toString(subject), event);
        return recorded(event, stored.partition(), stored.offset(), payload);
    }

    /**
     * Everything {@link #record} does but the send: the benchmark's floor (infra/bench EventIngest), answered with
     * partition and offset -1 as nothing was stored. Reachable only through {@code NoOpIngestRoutes}, closed by default.
     */
    public RecordedEvent rehearse(EventKind kind, long subject, String extensionValue, Object payload) {
        CloudEvent event = checked(kind, subject, extensionValue, payload);
        return recorded(event, -1, -1, payload);
    }

    private CloudEvent checked(EventKind kind, long subject, String extensionValue, Object payload) {
        CloudEvent event = toCloudEvent(kind, subject, extensionValue, payload);
        EventContract contract = contracts.of(kind.type());
        // The records check most fields; the schema is the contract's last word (list sizes, upper bounds).
        contracts.requireValid(contract, event.getData().toBytes());
        return event;
    }

    private static RecordedEvent recorded(CloudEvent event, int partition, long offset, Object payload) {
        return new RecordedEvent("success", partition, offset,
                new RecordedEvent.EventView(event.getId(), event.getType(), event.getTime().toInstant().toString(), payload));
    }

    static CloudEvent toCloudEvent(EventKind kind, long subject, String extensionValue, Object payload) {
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(SOURCE)
                .withType(kind.type())
                .withSubject(Long.toString(subject))
                .withTime(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS))
                .withDataContentType("application/json")
                .withExtension(kind.extension(), extensionValue)
                .withData(EventJson.toBytes(payload))
                .build();
    }
}
