package com.cinemaabyss.discounts;

import com.cinemaabyss.contracts.EventContracts;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.test.SharedTestInfra;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads what discounts published on discount-events back from the shared Kafka, each held to its contract. */
final class DiscountEventsOnKafka {

    record Published(String key, String type, JsonNode data) {
    }

    private DiscountEventsOnKafka() {
    }

    /**
     * Every event on discount-events that {@code matches}: read until {@code expected} have arrived (30 s at most), then
     * for {@code settle} longer, so that an event published twice would be seen.
     */
    static List<Published> collect(Predicate<Published> matches, int expected, Duration settle) {
        List<Published> found = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "discounts-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class))) {
            consumer.subscribe(List.of(Topics.DISCOUNT_EVENTS));
            long deadline = System.currentTimeMillis() + 30_000;
            long settleUntil = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    CloudEvent event = record.value();
                    byte[] data = event.getData().toBytes();
                    assertEquals(List.of(), EventContracts.load().forType(event.getType()).orElseThrow().violations(data), event.getType());
                    assertEquals(record.key(), event.getSubject(), "the record key is the subject");
                    assertEquals("/cinemaabyss/discounts", event.getSource().toString());
                    Published published = new Published(record.key(), event.getType(), JsonMapper.shared().readTree(data));
                    if (matches.test(published)) {
                        found.add(published);
                    }
                }
                if (found.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.currentTimeMillis() + settle.toMillis();
                }
            }
        }
        return found;
    }
}
