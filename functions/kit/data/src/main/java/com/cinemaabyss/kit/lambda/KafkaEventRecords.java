package com.cinemaabyss.kit.lambda;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The CloudEvents inside an AWS Lambda Kafka event (MSK or self-managed Kafka trigger): each record's
 * headers and base64 value are the binary-mode CloudEvent our producers wrote, read back as such.
 */
public final class KafkaEventRecords {

    private KafkaEventRecords() {
    }

    public static List<CloudEvent> cloudEvents(KafkaEvent event) {
        if (event.getRecords() == null) {
            return List.of();
        }
        return event.getRecords().values().stream()
                .flatMap(List::stream)
                .map(KafkaEventRecords::cloudEvent)
                .toList();
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
