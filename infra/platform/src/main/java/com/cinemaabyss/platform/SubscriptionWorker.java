package com.cinemaabyss.platform;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
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
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Carries one subscription: consumes its topics and delivers each event to the subscriber, one at a time so that
 * each partition keeps its order, retrying with backoff and parking the event in the dead-letter topic when it keeps
 * failing. An offset is committed only after its event was delivered or parked; when the bridge stops in the middle
 * of an event, that event stays uncommitted and is delivered again on the next start.
 */
final class SubscriptionWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionWorker.class);
    private static final Duration PARK_RETRY = Duration.ofSeconds(1);

    private final Subscription subscription;
    private final URI target;
    private final String bootstrapServers;
    private final HttpDelivery delivery;
    private final KafkaProducer<String, CloudEvent> deadLetters;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;

    SubscriptionWorker(Subscription subscription, URI target, String bootstrapServers, HttpDelivery delivery,
                       KafkaProducer<String, CloudEvent> deadLetters) {
        this.subscription = subscription;
        this.target = target;
        this.bootstrapServers = bootstrapServers;
        this.delivery = delivery;
        this.deadLetters = deadLetters;
    }

    String name() {
        return subscription.name();
    }

    @Override
    public void run() {
        KafkaConsumer<String, byte[]> consumer = newConsumer();
        this.consumer = consumer;
        try {
            consumer.subscribe(subscription.topics());
            while (!stopping()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!deliverOrPark(record)) {
                        return;
                    }
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (WakeupException e) {
            // stop() woke the consumer up
        } catch (RuntimeException e) {
            log.error("subscription={} stopped delivering: {}", subscription.name(), e.toString(), e);
        } finally {
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

    // Values are read as bytes and decoded in toCloudEvent (as CloudEventDeserializer would) so that a record
    // which is not a CloudEvent cannot wedge the consumer in poll().
    private KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, subscription.consumerGroup(),
                ConsumerConfig.CLIENT_ID_CONFIG, "bridge-" + subscription.name(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20,
                // Retries with backoff may hold a batch for a while; do not let the group think we died.
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    /** Whether the record is done with (delivered or parked); false only when stopping first. */
    private boolean deliverOrPark(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = toCloudEvent(record);
        HttpDelivery.Outcome outcome = delivery.deliver(target, event);
        for (int retry = 1; !outcome.delivered() && outcome.retryable() && retry <= subscription.retries(); retry++) {
            if (!pause(subscription.backoff(retry))) {
                return false;
            }
            outcome = delivery.deliver(target, event);
        }
        if (outcome.delivered()) {
            log.debug("subscription={} event={} delivered to {}", subscription.name(), event.getId(), target);
            return true;
        }
        // A subscriber failing while the platform shuts down is not a reason to dead-letter.
        return !stopping() && park(record, event, outcome);
    }

    private boolean park(ConsumerRecord<String, byte[]> record, CloudEvent event, HttpDelivery.Outcome outcome) {
        log.warn("subscription={} event={} type={} failed at {} ({}); parked in {}", subscription.name(), event.getId(),
                event.getType(), target, outcome.describe(), subscription.deadLetterTopic());
        CloudEventBuilder parked = CloudEventBuilder.from(event)
                .withExtension("knativeerrordest", target.toString())
                .withExtension("knativeerrordata", truncate(outcome.detail(), 1024))
                .withExtension("deadlettersub", subscription.name())
                .withExtension("deadlettertopic", record.topic())
                .withExtension("deadletterpartition", record.partition())
                .withExtension("deadletteroffset", Long.toString(record.offset()));
        if (outcome.status() > 0) {
            parked.withExtension("knativeerrorcode", Integer.toString(outcome.status()));
        }
        ProducerRecord<String, CloudEvent> deadLetter = new ProducerRecord<>(subscription.deadLetterTopic(), record.key(), parked.build());
        while (!stopping()) {
            try {
                deadLetters.send(deadLetter).get();
                return true;
            } catch (ExecutionException e) {
                // Not parked means not done: keep the offset where it is and try again.
                log.error("subscription={} could not park event {} in {}: {}", subscription.name(), event.getId(),
                        subscription.deadLetterTopic(), e.getCause().toString());
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

    private boolean stopping() {
        return stopped.getCount() == 0;
    }

    /** Waits, unless stopped first; returns whether to carry on. */
    private boolean pause(Duration duration) {
        try {
            return !stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String truncate(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() > max ? value.substring(0, max) : value;
    }
}
