package com.cinemaabyss.platform;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Waits until subscriptions have committed every record of their topics: then nothing more will be delivered to them. */
final class ConsumerLag {

    private ConsumerLag() {
    }

    static void awaitZero(String bootstrapServers, List<Subscription> subscriptions, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (Subscription subscription : subscriptions) {
                long lag;
                while ((lag = lag(admin, subscription)) > 0) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(subscription.name() + " still has " + lag + " records to commit after " + timeout);
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    private static long lag(Admin admin, Subscription subscription) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(subscription.consumerGroup())
                .partitionsToOffsetAndMetadata().get();
        List<TopicPartition> partitions = admin.describeTopics(subscription.topics()).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .toList();
        Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            lag += ends.get(partition) - (done == null ? 0 : done.offset());
        }
        return lag;
    }
}
