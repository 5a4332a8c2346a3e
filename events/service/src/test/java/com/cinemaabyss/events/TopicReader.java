package com.cinemaabyss.events;

import org.apache.kafka.clients.admin.NewTopic;

import com.cinemaabyss.contracts.Topics;

import com.cinemaabyss.kit.test.SharedTestInfra;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Reads the test broker's topics back as CloudEvents, the way a consumer would. */
final class TopicReader {

    private TopicReader() {
    }

    /** The three topics the events service publishes to, as the cluster creates them (three partitions). */
    static void createEventTopics() {
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(Topics.MOVIE_EVENTS, 3, (short) 1),
                new NewTopic(Topics.USER_EVENTS, 3, (short) 1), new NewTopic(Topics.PAYMENT_EVENTS, 3, (short) 1),
                new NewTopic(Topics.PROVIDER_FEED, 3, (short) 1)));
    }

    static ConsumerRecord<String, CloudEvent> readAt(String topic, int partition, long offset) {
        try (KafkaConsumer<String, CloudEvent> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("nothing at " + topic + "-" + partition + "@" + offset);
    }

    /** How many records the topic holds over all its partitions: unchanged means nothing was published. */
    static long size(String topic) {
        try (KafkaConsumer<String, CloudEvent> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static KafkaConsumer<String, CloudEvent> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class));
    }
}
