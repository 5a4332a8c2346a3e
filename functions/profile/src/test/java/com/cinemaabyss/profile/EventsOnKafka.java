package com.cinemaabyss.profile;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads profile's events back from the shared Kafka, each held to its contract. */
final class EventsOnKafka {

    private EventsOnKafka() {
    }

    /**
     * Every event about profile {@code key} on {@code topic}: polls until {@code atLeast} arrived, then on for
     * {@code settle} more, so a duplicate that was going to be published is seen. Fails after 30 s without them.
     */
    static List<CloudEvent> about(String topic, long key, int atLeast, Duration settle) {
        List<CloudEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "profile-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            long settled = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(deadline, settled)) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    CloudEvent event = record.value();
                    if (event != null && Long.toString(key).equals(record.key())) {
                        assertEquals(Long.toString(key), event.getSubject());
                        assertEquals("/cinemaabyss/profile", event.getSource().toString());
                        assertEquals(List.of(), EventContracts.load().forType(event.getType()).orElseThrow().violations(event.getData().toBytes()),
                                "the data of " + event.getType() + " holds to its schema");
                        events.add(event);
                    }
                }
                if (events.size() >= atLeast && settled == Long.MAX_VALUE) {
                    settled = System.currentTimeMillis() + settle.toMillis();
                }
            }
        }
        if (events.size() < atLeast) {
            throw new AssertionError("only " + events.size() + " of " + atLeast + " events about " + key + " on " + topic + ": " + types(events));
        }
        return events;
    }

    static List<String> types(List<CloudEvent> events) {
        return events.stream().map(e -> e.getType().replace("com.cinemaabyss.profile.", "")).toList();
    }

    static String data(CloudEvent event) {
        return new String(event.getData().toBytes(), StandardCharsets.UTF_8);
    }
}
