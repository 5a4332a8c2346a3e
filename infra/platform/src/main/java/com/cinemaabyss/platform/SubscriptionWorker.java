package com.cinemaabyss.platform;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
import java.util.HashMap;
import java.util.Map;

/**
 * Carries one subscription: consumes its topics in order and delivers each event to the subscriber,
 * retrying with backoff and parking it in the dead-letter topic when it keeps failing. An offset is
 * committed only after its event was delivered or parked, so a restart re-delivers rather than loses.
 */
final class SubscriptionWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionWorker.class);

    private final Subscription subscription;
    private final URI target;
    private final HttpDelivery delivery;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, CloudEvent> deadLetters;
    private volatile boolean running = true;

    SubscriptionWorker(Subscription subscription, URI target, String bootstrapServers, HttpDelivery delivery,
                       KafkaProducer<String, CloudEvent> deadLetters) {
        this.subscription = subscription;
        this.target = target;
        this.delivery = delivery;
        this.deadLetters = deadLetters;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, subscription.consumerGroup(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20,
                // Retries with backoff may hold a batch for a while; do not let the group think we died.
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(subscription.topics());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (!running) {
                        break;
                    }
                    handle(record);
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException notACloudEvent) {
            log.warn("subscription={} {}-{}@{} is not a CloudEvent and is skipped: {}", subscription.name(),
                    record.topic(), record.partition(), record.offset(), notACloudEvent.getMessage());
            return;
        }
        HttpDelivery.Outcome outcome = delivery.deliver(target, event);
        for (int attempt = 1; !outcome.delivered() && outcome.retryable() && attempt <= subscription.retries() && running; attempt++) {
            sleep(subscription.backoff(attempt));
            outcome = delivery.deliver(target, event);
        }
        if (outcome.delivered()) {
            log.debug("subscription={} event={} delivered to {}", subscription.name(), event.getId(), target);
        } else {
            park(record, event, outcome);
        }
    }

    private void park(ConsumerRecord<String, byte[]> record, CloudEvent event, HttpDelivery.Outcome outcome) {
        log.warn("subscription={} event={} type={} failed at {} (status {}: {}); parked in {}", subscription.name(), event.getId(),
                event.getType(), target, outcome.status(), outcome.detail(), subscription.deadLetterTopic());
        Map<String, Object> errorInfo = new HashMap<>(Map.of(
                "knativeerrordest", target.toString(),
                "knativeerrorcode", Integer.toString(outcome.status()),
                "deadletterorigin", record.topic() + "-" + record.partition() + "@" + record.offset(),
                "deadlettersub", subscription.name()));
        CloudEventBuilder parked = CloudEventBuilder.from(event);
        errorInfo.forEach((name, value) -> parked.withExtension(name, value.toString()));
        String detail = outcome.detail() == null ? "" : outcome.detail();
        parked.withExtension("knativeerrordata", detail.length() > 1000 ? detail.substring(0, 1000) : detail);
        try {
            deadLetters.send(new ProducerRecord<>(subscription.deadLetterTopic(), record.key(), parked.build())).get();
        } catch (Exception e) {
            // Not parked means not done: do not commit past it, stop this worker and let a restart retry.
            running = false;
            throw new IllegalStateException("could not park event " + event.getId() + " in " + subscription.deadLetterTopic(), e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
