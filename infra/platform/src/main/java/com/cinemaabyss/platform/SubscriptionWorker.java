package com.cinemaabyss.platform;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries one subscription: consumes its topics and delivers each event to the subscriber, one at a time so that
 * each partition keeps its order, retrying with backoff and parking the event in the dead-letter topic when it keeps
 * failing. An offset is committed only after its event was delivered or parked; when the bridge stops in the middle
 * of an event, that event stays uncommitted and is delivered again on the next start. Delivery is at least once:
 * an event whose commit fails (the group rebalanced meanwhile) is delivered again, and subscribers are idempotent.
 *
 * <p>{@link #run()} is one life of the worker: one consumer, until stopped or until something the worker cannot
 * handle on its own (a fatal consumer error, an Error) ends it; the bridge then runs it again.
 */
final class SubscriptionWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionWorker.class);
    private static final Duration PARK_RETRY = Duration.ofSeconds(1);
    private static final Duration RECORD_RETRY = Duration.ofSeconds(1);

    private final Subscription subscription;
    private final URI target;
    private final String bootstrapServers;
    private final HttpDelivery delivery;
    private final KafkaProducer<String, CloudEvent> deadLetters;
    private final PollBudget budget;
    private final BridgeMetrics metrics;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Offsets of events done with (delivered or parked) whose commit has not gone through yet. */
    private final Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean running;
    private volatile String lastError;
    private volatile KafkaConsumer<String, byte[]> consumer;

    SubscriptionWorker(Subscription subscription, URI target, String bootstrapServers, HttpDelivery delivery,
                       KafkaProducer<String, CloudEvent> deadLetters, PollBudget budget, MeterRegistry registry) {
        this.subscription = subscription;
        this.target = target;
        this.bootstrapServers = bootstrapServers;
        this.delivery = delivery;
        this.deadLetters = deadLetters;
        this.budget = budget;
        this.metrics = new BridgeMetrics(registry, subscription.name(), () -> running);
    }

    BridgeMetrics metrics() {
        return metrics;
    }

    String name() {
        return subscription.name();
    }

    EventingBridge.Health health() {
        return new EventingBridge.Health(subscription.name(), running, restarts.get(), delivered.get(), parked.get(), lastError);
    }

    /** Called by the bridge when it runs the worker again after a life that ended in {@code cause}. */
    void restarted(Throwable cause) {
        restarts.incrementAndGet();
        metrics.restarted();
        lastError = cause.toString();
    }

    @Override
    public void run() {
        KafkaConsumer<String, byte[]> consumer = newConsumer();
        this.consumer = consumer;
        done.clear();
        running = true;
        try {
            consumer.subscribe(subscription.topics(), new CommitOnRevoke(consumer));
            while (!stopping()) {
                if (!done.isEmpty()) {
                    commitDone(consumer);
                }
                if (!deliverBatch(consumer, consumer.poll(Duration.ofMillis(200)))) {
                    return;
                }
            }
        } catch (WakeupException e) {
            if (!stopping()) {
                throw e;
            }
        } finally {
            running = false;
            this.consumer = null;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    void stop() {
        stopped.countDown();
        KafkaConsumer<String, byte[]> running = consumer;
        if (running != null) {
            running.wakeup();
        }
    }

    boolean stopping() {
        return stopped.getCount() == 0;
    }

    /** Waits, unless stopped first; returns whether to carry on. */
    boolean pause(Duration duration) {
        try {
            return !stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Delivers a batch in order; returns false only when stopping. When a record cannot be finished or its commit
     * fails, the rest of the batch is dropped and the consumer rewound to it, so that it comes again in order.
     */
    private boolean deliverBatch(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> batch) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        batch.forEach(records::add);
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            boolean finished;
            try {
                finished = deliverOrPark(record);
            } catch (RuntimeException e) {
                // Not expected (delivery and parking handle their own failures); a retry is better than a dead worker.
                log.error("subscription={} record {}-{}@{} failed unexpectedly; trying it again: {}", subscription.name(),
                        record.topic(), record.partition(), record.offset(), e.toString(), e);
                lastError = e.toString();
                rewind(consumer, records.subList(i, records.size()));
                return pause(RECORD_RETRY);
            }
            if (!finished) {
                return false;
            }
            done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            if (!commitDone(consumer)) {
                rewind(consumer, records.subList(i + 1, records.size()));
                return true;
            }
        }
        return true;
    }

    /** Commits the offsets done with; false when the group took (or is taking) partitions away meanwhile. */
    private boolean commitDone(KafkaConsumer<String, byte[]> consumer) {
        try {
            consumer.commitSync(done);
            done.clear();
            return true;
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // What stays assigned is committed on the next try or when revoked; what went elsewhere is delivered again.
            log.warn("subscription={} could not commit {} ({}); events since the last commit may be delivered again",
                    subscription.name(), done, e.toString());
            done.keySet().retainAll(consumer.assignment());
            return false;
        }
    }

    /** Points each still-assigned partition of {@code rest} back at its first record there. */
    private static void rewind(KafkaConsumer<String, byte[]> consumer, List<ConsumerRecord<String, byte[]>> rest) {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, Long> first = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : rest) {
            first.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        first.forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    /** Before partitions go to another member, commit what was done on them, so that it does not get it again. */
    private final class CommitOnRevoke implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> consumer;

        CommitOnRevoke(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> revoked = new HashMap<>(done);
            revoked.keySet().retainAll(partitions);
            if (!revoked.isEmpty()) {
                try {
                    consumer.commitSync(revoked);
                } catch (RuntimeException e) {
                    log.warn("subscription={} could not commit {} on revoke: {}", subscription.name(), revoked, e.toString());
                }
            }
            done.keySet().removeAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            done.keySet().removeAll(partitions);
        }
    }

    // Values are read as bytes and decoded in toCloudEvent (as CloudEventDeserializer would) so that a record
    // which is not a CloudEvent cannot wedge the consumer in poll().
    private KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, subscription.consumerGroup(),
                ConsumerConfig.CLIENT_ID_CONFIG, "bridge-" + subscription.name(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, budget.maxPollRecords(),
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) budget.maxPollInterval().toMillis(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    /** Whether the record is done with (delivered or parked); false only when stopping first. */
    private boolean deliverOrPark(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = toCloudEvent(record);
        String traceparent = traceparent(record);
        long started = System.nanoTime();
        HttpDelivery.Outcome outcome = attempt(event, traceparent);
        for (int retry = 1; !outcome.delivered() && outcome.retryable() && retry <= subscription.retries(); retry++) {
            if (!pause(subscription.backoff(retry))) {
                return false;
            }
            outcome = attempt(event, traceparent);
        }
        if (outcome.delivered()) {
            delivered.incrementAndGet();
            metrics.delivered(started);
            log.debug("subscription={} event={} delivered to {}", subscription.name(), event.getId(), target);
            return true;
        }
        // A subscriber failing while the platform shuts down is not a reason to dead-letter.
        if (stopping() || !park(record, event, outcome)) {
            return false;
        }
        metrics.parked(started);
        return true;
    }

    /** The record's plain W3C header (the publisher's publish span), which the delivery continues the trace from. */
    private static String traceparent(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader("traceparent");
        return header == null || header.value() == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    private HttpDelivery.Outcome attempt(CloudEvent event, String traceparent) {
        HttpDelivery.Outcome outcome;
        try {
            outcome = delivery.deliver(target, event, traceparent);
        } catch (RuntimeException e) {
            // The request could not even be made (a header the HTTP client refuses, say): trying again changes nothing.
            outcome = new HttpDelivery.Outcome(false, false, 0, e.toString());
        }
        metrics.attempt(outcome);
        return outcome;
    }

    private boolean park(ConsumerRecord<String, byte[]> record, CloudEvent event, HttpDelivery.Outcome outcome) {
        log.warn("subscription={} event={} type={} failed at {} ({}); parked in {}", subscription.name(), event.getId(),
                event.getType(), target, outcome.describe(), subscription.deadLetterTopic());
        CloudEventBuilder letter = CloudEventBuilder.from(event)
                .withExtension("knativeerrordest", target.toString())
                .withExtension("knativeerrordata", truncate(outcome.detail(), 1024))
                .withExtension("deadlettersub", subscription.name())
                .withExtension("deadlettertopic", record.topic())
                .withExtension("deadletterpartition", record.partition())
                .withExtension("deadletteroffset", Long.toString(record.offset()));
        if (outcome.status() > 0) {
            letter.withExtension("knativeerrorcode", Integer.toString(outcome.status()));
        }
        ProducerRecord<String, CloudEvent> deadLetter = new ProducerRecord<>(subscription.deadLetterTopic(), record.key(), letter.build());
        while (!stopping()) {
            try {
                deadLetters.send(deadLetter).get();
                parked.incrementAndGet();
                return true;
            } catch (ExecutionException | RuntimeException e) {
                // Not parked means not done: keep the offset where it is and try again.
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                log.error("subscription={} could not park event {} in {}: {}", subscription.name(), event.getId(),
                        subscription.deadLetterTopic(), cause.toString());
                lastError = cause.toString();
                pause(PARK_RETRY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /**
     * The record as a CloudEvent, in binary or structured mode. A record that is not one is wrapped the way a Knative
     * KafkaSource wraps it: type dev.knative.kafka.event, id partition:P/offset:O, the record's value as data and its
     * key as extension. That includes a record whose headers claim a CloudEvent its value or headers do not hold
     * (the JSON format throws EventDeserializationException, the builder IllegalStateException, neither a
     * CloudEventRWException).
     */
    private CloudEvent toCloudEvent(ConsumerRecord<String, byte[]> record) {
        try {
            return KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException notACloudEvent) {
            log.debug("subscription={} record {}-{}@{} is not a CloudEvent ({}); wrapped", subscription.name(), record.topic(),
                    record.partition(), record.offset(), notACloudEvent.toString());
            CloudEventBuilder wrapped = CloudEventBuilder.v1()
                    .withId("partition:" + record.partition() + "/offset:" + record.offset())
                    .withSource(URI.create("/apis/v1/namespaces/local/kafkasources/" + subscription.name() + "#" + record.topic()))
                    .withType("dev.knative.kafka.event")
                    .withSubject("partition:" + record.partition() + "#" + record.offset())
                    .withTime(OffsetDateTime.ofInstant(Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC));
            if (record.value() != null) {
                wrapped.withData(record.value());
            }
            if (record.key() != null) {
                wrapped.withExtension("key", record.key());
            }
            return wrapped.build();
        }
    }

    private static String truncate(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() > max ? value.substring(0, max) : value;
    }
}
