package com.cinemaabyss.kit.events;

import com.cinemaabyss.kit.core.UnavailableException;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes CloudEvents to Kafka in binary content mode (attributes as {@code ce_*} headers, data as the
 * value), keyed by entity id so one entity's events stay in order. The producer is idempotent with
 * acks=all, and {@link #publish} returns only once the broker acknowledged the record, or throws
 * {@link UnavailableException} within the configured bound (Kafka unreachable or slow: try again later), or
 * {@link EventRejectedException} when Kafka refuses this record for good. Events carry the trace that caused them
 * ({@link EventTracing}): the {@code ce_traceparent} header is the producer's (the request's) context, and a plain
 * W3C {@code traceparent} header is the publish span's, for eventing layers that continue traces from Kafka headers.
 */
public class CloudEventPublisher implements AutoCloseable {

    private final KafkaProducer<String, CloudEvent> producer;
    private final Duration timeout;
    private final EventTracing tracing;

    public CloudEventPublisher(KafkaSettings settings) {
        this(settings, EventTracing.NONE);
    }

    public CloudEventPublisher(KafkaSettings settings, EventTracing tracing) {
        this.tracing = tracing;
        long timeoutMs = settings.publishTimeout().toMillis();
        this.timeout = settings.publishTimeout();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis(),
                ProducerConfig.BATCH_SIZE_CONFIG, settings.batchSize(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                // Kafka wants delivery.timeout.ms >= linger.ms + request.timeout.ms: the whole bound stays the publish timeout.
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, timeoutMs - settings.linger().toMillis() - 1),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class));
    }

    /** {@code event} with the trace of the current request, as it is to be stored before a later publish (the outbox). */
    public CloudEvent traced(CloudEvent event) {
        return tracing.stamp(event);
    }

    public PublishedEvent publish(String topic, String key, CloudEvent event) {
        CloudEvent traced = tracing.stamp(event);
        return tracing.inProducerSpan(traced, topic, traceHeaders -> send(topic, key, traced, traceHeaders));
    }

    private PublishedEvent send(String topic, String key, CloudEvent event, Map<String, String> traceHeaders) {
        RecordHeaders headers = new RecordHeaders();
        traceHeaders.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, null, key, event, headers))
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return new PublishedEvent(metadata.topic(), metadata.partition(), metadata.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof KafkaException && !(cause instanceof RetriableException) && !(cause instanceof InterruptException)) {
                throw new EventRejectedException("Kafka refused the event for '" + topic + "': " + cause.getMessage(), cause);
            }
            throw new UnavailableException("event bus unavailable: could not publish to '" + topic + "' within " + timeout.toMillis() + " ms", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
