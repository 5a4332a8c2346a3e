package com.cinemaabyss.payments;

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

/** Reads payments' events back from the shared Kafka, each held to its contract. */
final class EventsOnKafka {

    record Event(String type, String data) {
    }

    private EventsOnKafka() {
    }

    /**
     * Every event keyed {@code key} on {@code topic}, read until {@code expected} of {@code type} are there (or 30 s
     * passed), then a little longer, so that one too many would be seen as well.
     */
    static List<Event> read(String topic, long key, String type, int expected) {
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "payments-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            long settle = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(deadline, settle)) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    CloudEvent event = record.value();
                    if (event == null || !Long.toString(key).equals(record.key())) {
                        continue;
                    }
                    assertEquals(Long.toString(key), event.getSubject());
                    assertEquals("/cinemaabyss/payments", event.getSource().toString());
                    assertEquals(List.of(), EventContracts.load().forType(event.getType()).orElseThrow().violations(event.getData().toBytes()),
                            "the data of " + event.getType() + " holds to its schema");
                    events.add(new Event(event.getType(), new String(event.getData().toBytes(), StandardCharsets.UTF_8)));
                }
                if (settle == Long.MAX_VALUE && events.stream().filter(e -> e.type().equals(type)).count() >= expected) {
                    settle = System.currentTimeMillis() + 1_500;
                }
            }
        }
        return events;
    }

    /** The ids of the payments of {@code user} on the legacy view so far (read until the topic has nothing more). */
    static java.util.Set<Long> paymentsOf(long user) {
        java.util.Set<Long> ids = new java.util.TreeSet<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "payments-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class))) {
            consumer.subscribe(List.of(com.cinemaabyss.contracts.Topics.PAYMENT_CHANGES));
            long deadline = System.currentTimeMillis() + 10_000;
            int emptyPolls = 0;
            while (System.currentTimeMillis() < deadline && emptyPolls < 3) {
                var records = consumer.poll(Duration.ofMillis(300));
                emptyPolls = records.isEmpty() && !consumer.assignment().isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, CloudEvent> record : records) {
                    if (record.value() != null && new String(record.value().getData().toBytes(), StandardCharsets.UTF_8).contains("\"user_id\":" + user + ",")) {
                        ids.add(Long.parseLong(record.key()));
                    }
                }
            }
        }
        return ids;
    }

    static List<Event> ofType(List<Event> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }
}
