package com.cinemaabyss.events.deadletters;

import com.cinemaabyss.kit.core.UnavailableException;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the dead-letter topic with a plain consumer (no group: reading commits nothing and takes nothing from
 * anyone), from the start of every partition up to where it ends now, at most {@code maxScan} records, newest kept.
 */
public class DeadLetterTopic {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_BOUND = Duration.ofSeconds(20);
    private static final Pattern BASE64 = Pattern.compile("^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$");

    private final String bootstrapServers;
    private final DeadLetterSettings settings;

    public DeadLetterTopic(String bootstrapServers, DeadLetterSettings settings) {
        this.bootstrapServers = bootstrapServers;
        this.settings = settings;
    }

    /** Every parked record, oldest first (per partition), without operator states. */
    public List<DeadLetter> readAll() {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(settings.topic(), Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
            // Only the newest maxScan records (spread over the partitions) are read.
            long total = ends.entrySet().stream().mapToLong(e -> e.getValue() - starts.get(e.getKey())).sum();
            for (TopicPartition partition : partitions) {
                long skip = total <= settings.maxScan() ? 0
                        : (ends.get(partition) - starts.get(partition)) * (total - settings.maxScan()) / total;
                consumer.seek(partition, starts.get(partition) + skip);
            }
            long deadline = System.nanoTime() + READ_BOUND.toNanos();
            while (!done(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new UnavailableException("the dead-letter topic could not be read within " + READ_BOUND.toSeconds() + " s", null);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        toLetter(record).ifPresent(letters::add);
                    }
                }
            }
        } catch (KafkaException e) {
            throw new UnavailableException("the dead-letter topic is unavailable: " + e.getMessage(), e);
        }
        return letters;
    }

    private static boolean done(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** A record that is not a CloudEvent is left out: nothing of it could be replayed as one. */
    static Optional<DeadLetter> toLetter(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException notACloudEvent) {
            return Optional.empty();
        }
        return Optional.of(new DeadLetter(record.partition() + "-" + record.offset(), text(event.getExtension("deadlettersub")),
                text(event.getExtension("knativeerrordest")), text(event.getExtension("knativeerrorcode")),
                errorData(text(event.getExtension("knativeerrordata"))), record.timestamp(), event, DeadLetterState.parked()));
    }

    /**
     * Knative's dispatcher writes the subscriber's answer base64-encoded; the local bridge writes it as text. A value
     * that is valid base64 of valid UTF-8 is shown decoded.
     */
    static String errorData(String data) {
        if (data == null || data.length() < 4 || !BASE64.matcher(data).matches()) {
            return data;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(data);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return data;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "events-dead-letters",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }
}
