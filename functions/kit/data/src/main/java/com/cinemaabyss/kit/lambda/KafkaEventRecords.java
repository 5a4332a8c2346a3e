package com.cinemaabyss.kit.lambda;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.cinemaabyss.kit.core.InvalidInputException;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The CloudEvents inside an AWS Lambda Kafka event (MSK or self-managed Kafka trigger): each record's headers and
 * base64 value are the CloudEvent our producers wrote, read back as such.
 */
public final class KafkaEventRecords {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventRecords.class);

    private KafkaEventRecords() {
    }

    /** How a batch went: records handed to the consumer, and records that can never be processed and were skipped. */
    public record Outcome(int delivered, int skipped) {
    }

    /**
     * Hands each record's CloudEvent to {@code consumer}, in order. A record that can never be processed (not a
     * CloudEvent, or data the consumer refuses as invalid) is logged with its coordinates and skipped: failing the
     * invocation for it would have Lambda retry the whole batch forever. Any other failure (DynamoDB or Kafka down)
     * fails the invocation, so Lambda retries the batch; consumers are idempotent on the event id.
     */
    public static Outcome deliverEach(KafkaEvent batch, Consumer<CloudEvent> consumer) {
        int delivered = 0;
        int skipped = 0;
        for (KafkaEvent.KafkaEventRecord record : records(batch)) {
            CloudEvent event;
            try {
                event = cloudEvent(record);
            } catch (RuntimeException notACloudEvent) {
                skipped++;
                log.error("skipped {}-{}@{}: not a CloudEvent ({})", record.getTopic(), record.getPartition(), record.getOffset(),
                        notACloudEvent.getMessage());
                continue;
            }
            try {
                consumer.accept(event);
                delivered++;
            } catch (InvalidInputException refused) {
                skipped++;
                log.error("skipped {}-{}@{} (event {}): {}", record.getTopic(), record.getPartition(), record.getOffset(),
                        event.getId(), refused.getMessage());
            }
        }
        return new Outcome(delivered, skipped);
    }

    private static List<KafkaEvent.KafkaEventRecord> records(KafkaEvent event) {
        if (event.getRecords() == null) {
            return List.of();
        }
        return event.getRecords().values().stream().flatMap(List::stream).toList();
    }

    private static CloudEvent cloudEvent(KafkaEvent.KafkaEventRecord record) {
        RecordHeaders headers = new RecordHeaders();
        if (record.getHeaders() != null) {
            for (Map<String, byte[]> header : record.getHeaders()) {
                header.forEach(headers::add);
            }
        }
        byte[] value = record.getValue() == null ? new byte[0] : Base64.getDecoder().decode(record.getValue());
        return KafkaMessageFactory.createReader(headers, value).toEvent();
    }
}
