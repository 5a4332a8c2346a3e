package com.cinemaabyss.catalog.search;

import com.cinemaabyss.catalog.domain.Title;
import com.cinemaabyss.catalog.events.TitleChangelog;
import com.cinemaabyss.contracts.EventTypes;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Builds a {@link TitleIndex} from the compacted title changelog and keeps it current: a plain consumer with no group
 * (every replica reads the whole topic for itself), all partitions assigned from the beginning. Once it has read up to
 * the end offsets it saw at start the index is ready (the rebuild time is logged and recorded as
 * {@code catalog.search.rebuild}); then it keeps tailing. A record that is not a valid title event is logged and skipped.
 */
public class TitleIndexer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TitleIndexer.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final TitleIndex index;
    private final String topic;
    private final Map<String, Object> config;
    private final Timer rebuild;
    private final Thread thread;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile KafkaConsumer<String, CloudEvent> consumer;
    private volatile boolean running = true;
    private volatile long rebuildMillis = -1;

    public TitleIndexer(TitleIndex index, String bootstrapServers, String topic, MeterRegistry meters) {
        this.index = index;
        this.topic = topic;
        this.config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "catalog-search-index");
        this.rebuild = Timer.builder("catalog.search.rebuild")
                .description("Time from start to an index caught up with the title changelog").register(meters);
        Gauge.builder("catalog.search.documents", index, TitleIndex::documents)
                .description("Published titles in this replica's search index").register(meters);
        Gauge.builder("catalog.search.ready", index, i -> i.ready() ? 1 : 0)
                .description("1 once the index caught up with the title changelog").register(meters);
        this.thread = Thread.ofPlatform().name("title-index").daemon().unstarted(this::run);
    }

    public TitleIndexer start() {
        thread.start();
        return this;
    }

    /** Waits until the first catch-up; true if it happened in time. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How long the first catch-up took, in milliseconds; -1 before it. */
    public long rebuildMillis() {
        return rebuildMillis;
    }

    private void run() {
        long started = System.nanoTime();
        try (KafkaConsumer<String, CloudEvent> kafka = new KafkaConsumer<>(config, new StringDeserializer(), new CloudEventDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = awaitPartitions(kafka);
            Map<TopicPartition, Long> end = partitions.isEmpty() ? Map.of() : kafka.endOffsets(partitions);
            if (!partitions.isEmpty()) {
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
            }
            long applied = 0;
            while (running && !caughtUp(kafka, end)) {
                applied += pollOnce(kafka);
            }
            if (!running) {
                return;
            }
            index.markReady();
            rebuildMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            rebuild.record(Duration.ofMillis(rebuildMillis));
            caughtUp.countDown();
            log.info("Search index rebuilt from {} in {} ms: {} records, {} published titles", topic, rebuildMillis, applied, index.documents());
            while (running) {
                if (pollOnce(kafka) > 0) {
                    index.refresh();
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll.
        } catch (RuntimeException e) {
            log.error("Search index stopped following {}: {}", topic, e.toString(), e);
        }
    }

    /** The topic's partitions; a topic nobody wrote yet has none, which is an empty catalog, not a reason to wait. */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, CloudEvent> kafka) {
        List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(30));
        return infos == null ? List.of() : infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private boolean caughtUp(KafkaConsumer<String, CloudEvent> kafka, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (kafka.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private int pollOnce(KafkaConsumer<String, CloudEvent> kafka) {
        if (kafka.assignment().isEmpty()) {
            // No topic yet: look again now and then, and read it from the start once someone created it.
            sleep();
            List<TopicPartition> partitions = awaitPartitions(kafka);
            if (!partitions.isEmpty()) {
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
            }
            return 0;
        }
        ConsumerRecords<String, CloudEvent> records;
        try {
            records = kafka.poll(POLL);
        } catch (RecordDeserializationException notACloudEvent) {
            log.warn("Skipping {}-{}@{}: not a CloudEvent", notACloudEvent.topicPartition().topic(),
                    notACloudEvent.topicPartition().partition(), notACloudEvent.offset());
            kafka.seek(notACloudEvent.topicPartition(), notACloudEvent.offset() + 1);
            return 0;
        }
        int applied = 0;
        for (ConsumerRecord<String, CloudEvent> record : records) {
            CloudEvent event = record.value();
            if (event == null || !EventTypes.TITLE_UPSERTED.equals(event.getType())) {
                continue;
            }
            try {
                Title title = TitleChangelog.read(event);
                index.apply(title);
                applied++;
            } catch (RuntimeException invalid) {
                log.warn("Skipping {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), invalid.getMessage());
            }
        }
        return applied;
    }

    private void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, CloudEvent> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
