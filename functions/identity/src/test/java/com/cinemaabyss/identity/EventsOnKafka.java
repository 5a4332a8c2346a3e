package com.cinemaabyss.identity;

import com.cinemaabyss.contracts.EventContracts;
import com.cinemaabyss.kit.test.SharedTestInfra;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Reads identity's events back from the shared Kafka, and holds each to its contract. */
final class EventsOnKafka {

    private EventsOnKafka() {
    }

    /** The first event of {@code type} about user {@code userId} on {@code topic} that {@code matches}; fails after 30 s. */
    static CloudEvent await(String topic, String type, long userId, Predicate<String> matches) {
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "identity-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(300))) {
                    CloudEvent event = record.value();
                    if (event != null && type.equals(event.getType()) && Long.toString(userId).equals(record.key())
                            && matches.test(data(event))) {
                        assertNotNull(record.headers().lastHeader("ce_id"), "binary content mode");
                        assertEquals(Long.toString(userId), event.getSubject());
                        assertEquals("/cinemaabyss/identity", event.getSource().toString());
                        assertEquals(List.of(), EventContracts.load().forType(type).orElseThrow().violations(event.getData().toBytes()),
                                "the data of " + type + " holds to its schema");
                        return event;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " about user " + userId + " on " + topic);
    }

    static String data(CloudEvent event) {
        return event.getData() == null ? "" : new String(event.getData().toBytes(), StandardCharsets.UTF_8);
    }
}
