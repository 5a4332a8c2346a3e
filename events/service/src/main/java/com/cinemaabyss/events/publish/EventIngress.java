package com.cinemaabyss.events.publish;

import com.cinemaabyss.contracts.EventContract;
import com.cinemaabyss.events.domain.IngressBatch;
import com.cinemaabyss.events.domain.IngressReceipt;
import com.cinemaabyss.events.store.IngressLog;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.JsonLimits;
import com.cinemaabyss.kit.events.CloudEventPublisher;
import com.cinemaabyss.kit.events.PublishedEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Component;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes CloudEvents from outside producers as they came (same id, source, type, extensions) to their
 * type's topic, keyed by subject or else id. A batch is checked whole before anything is published; each
 * event is acknowledged only once Kafka stored it, and once per source and id within the ingress log's window.
 */
@Component
public class EventIngress {

    static final int MAX_ID = 256;
    static final int MAX_SOURCE = 1024;
    static final int MAX_SUBJECT = 1024;
    static final int MAX_TYPE = 256;

    private static final Logger log = LoggerFactory.getLogger(EventIngress.class);
    private static final JsonMapper DATA = JsonMapper.builder(JsonLimits.factory()).build();

    private final CloudEventPublisher publisher;
    private final Contracts contracts;
    private final IngressLog ingressLog;

    public EventIngress(CloudEventPublisher publisher, Contracts contracts, IngressLog ingressLog) {
        this.publisher = publisher;
        this.contracts = contracts;
        this.ingressLog = ingressLog;
    }

    public IngressReceipt ingest(IngressBatch batch) {
        List<EventContract> checked = new ArrayList<>();
        for (int i = 0; i < batch.events().size(); i++) {
            checked.add(check(batch.events().get(i), batch.label(i)));
        }
        // Published one by one: if Kafka fails half-way the producer gets a 503 and retries the whole batch,
        // and the events that made it are then acknowledged as duplicates instead of published again.
        List<IngressReceipt.Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < batch.events().size(); i++) {
            accepted.add(publishOnce(batch.events().get(i), checked.get(i).topic()));
        }
        return new IngressReceipt(accepted);
    }

    /**
     * Look up, publish, then record. Two concurrent first deliveries of one event can both miss the lookup and
     * both publish; the conditional write keeps the first record, and consumers are idempotent on the
     * CloudEvent id (the ledger), so the second copy changes nothing downstream.
     */
    private IngressReceipt.Accepted publishOnce(CloudEvent event, String topic) {
        String source = event.getSource().toString();
        Optional<PublishedEvent> earlier = ingressLog.find(source, event.getId());
        if (earlier.isPresent()) {
            return accepted(event, earlier.get(), true);
        }
        String key = event.getSubject() != null ? event.getSubject() : event.getId();
        PublishedEvent stored = publisher.publish(topic, key, event);
        try {
            ingressLog.record(source, event.getId(), event.getType(), stored);
        } catch (RuntimeException e) {
            // Kafka has it, so the producer is told so; a retry would merely publish a copy consumers ignore.
            log.warn("event {} from {} is on {}-{}@{} but could not be recorded for deduplication", event.getId(), source,
                    stored.topic(), stored.partition(), stored.offset(), e);
        }
        return accepted(event, stored, false);
    }

    private EventContract check(CloudEvent event, String label) {
        try {
            if (event.getSpecVersion() != SpecVersion.V1) {
                throw new InvalidInputException("CloudEvent attribute 'specversion' must be 1.0, got " + event.getSpecVersion());
            }
            requireBounded(event.getId(), "id", MAX_ID);
            requireBounded(event.getSource().toString(), "source", MAX_SOURCE);
            requireBounded(event.getType(), "type", MAX_TYPE);
            if (event.getSubject() != null) {
                requireBounded(event.getSubject(), "subject", MAX_SUBJECT);
            }
            requireJson(event.getDataContentType());
            EventContract contract = contracts.publishable(event.getType());
            contracts.requireValid(contract, event.getData() == null ? null : event.getData().toBytes());
            requireExtensionRepeatsData(event);
            return contract;
        } catch (InvalidInputException e) {
            throw label.isEmpty() ? e : new InvalidInputException(label + e.getMessage());
        }
    }

    /**
     * Subscribers filter on the {@code action}/{@code status} extension without reading the data, so an outside
     * producer must not say one thing there and another in the data (the data is already valid when this runs).
     */
    private static void requireExtensionRepeatsData(CloudEvent event) {
        for (EventKind kind : EventKind.values()) {
            Object claimed = kind.type().equals(event.getType()) ? event.getExtension(kind.extension()) : null;
            if (claimed != null && !String.valueOf(claimed).equals(DATA.readTree(event.getData().toBytes()).path(kind.extension()).asString())) {
                throw new InvalidInputException("CloudEvent extension '" + kind.extension() + "' must repeat the data's field '"
                        + kind.extension() + "'");
            }
        }
    }

    private static void requireBounded(String value, String attribute, int max) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("CloudEvent attribute '" + attribute + "' is required and must not be empty");
        }
        if (value.length() > max) {
            throw new InvalidInputException("CloudEvent attribute '" + attribute + "' must be at most " + max + " characters");
        }
    }

    /** Absent means JSON in structured mode; otherwise application/json or any application/*+json. */
    private static void requireJson(String contentType) {
        if (contentType == null) {
            return;
        }
        try {
            MimeType type = MimeType.valueOf(contentType);
            if ("application".equals(type.getType()) && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"))) {
                return;
            }
        } catch (InvalidMimeTypeException e) {
            // answered below
        }
        throw new InvalidInputException("CloudEvent attribute 'datacontenttype' must be application/json, got '"
                + (contentType.length() <= 100 ? contentType : contentType.substring(0, 100) + "...") + "'");
    }

    private static IngressReceipt.Accepted accepted(CloudEvent event, PublishedEvent stored, boolean duplicate) {
        return new IngressReceipt.Accepted(event.getId(), event.getSource().toString(), event.getType(),
                stored.topic(), stored.partition(), stored.offset(), duplicate);
    }
}
