package com.cinemaabyss.bench;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 3: sustained {@code POST /api/events/movie} at {@link #CLIENTS} concurrent clients against its floor, the
 * same service's no-op POST ({@code /bench/events/movie}: the same parsing, validation and CloudEvent, no send;
 * open only because the benchmark starts the service with {@link #NO_OP_SWITCH}), and against Kafka's own producer
 * tool on the same broker with the record size the events service really writes and its producer settings. The
 * health route of the same service, at the same concurrency, shows the HTTP stack's share.
 */
final class EventIngest {

    static final String EVENT = "{\"movie_id\":1,\"title\":\"Stalker\",\"action\":\"rated\",\"user_id\":7,\"rating\":9}";
    private static final String PERF_TOPIC = "bench-producer-perf";
    static final String POST = "POST /api/events/movie";
    static final String NO_OP = "POST /bench/events/movie (no-op floor)";
    static final String FLOOR = "GET health route (HTTP floor)";
    /** Issue 18's aim: the POST's throughput at least this share of the no-op POST's, at {@link #CLIENTS} clients. */
    static final double AIM = 0.5;
    static final int CLIENTS = 64;
    /** Set on the events service by the benchmark only: it opens the no-op route (closed by default). */
    static final Map<String, String> NO_OP_SWITCH = Map.of("CINEMAABYSS_BENCH_NO_OP_INGEST", "true");
    /** The events service's producer settings (kit-data CloudEventPublisher, events' application.yaml), given to the producer tool as well. */
    static final List<String> PRODUCER_PROPS = List.of("acks=all", "enable.idempotence=true", "linger.ms=2");
    private static final Pattern PERF_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, "
                    + "(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    record ProducerRun(double recordsPerSecond, double p50Millis, double p99Millis) {
    }

    private final Rig rig;
    private final Settings settings;
    private final Wrk wrk;

    EventIngest(Rig rig, Settings settings, Wrk wrk) {
        this.rig = rig;
        this.settings = settings;
        this.wrk = wrk;
    }

    Section run() {
        URI events = rig.warmUrlOf("events");
        String post = wrk.postJsonScript("movie-event", EVENT);
        URI postUrl = events.resolve("/api/events/movie");
        URI noOpUrl = events.resolve("/bench/events/movie");
        URI healthUrl = events.resolve(rig.spec("events").healthPath());
        wrk.run(noOpUrl, CLIENTS, settings.warmup(), post);
        wrk.run(postUrl, CLIENTS, settings.warmup(), post);
        int recordSize = lastRecordSize("movie-events");
        rig.kafka.createTopics(List.of(new NewTopic(PERF_TOPIC, 3, (short) 1)));
        int records = (int) Math.max(50_000, settings.round().toSeconds() * 40_000);
        producerPerformance(recordSize, records / 5);

        Rounds rounds = new Rounds();
        List<ProducerRun> producer = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            rounds.add(POST, wrk.run(postUrl, CLIENTS, settings.round(), post));
            rounds.add(NO_OP, wrk.run(noOpUrl, CLIENTS, settings.round(), post));
            rounds.add(FLOOR, wrk.run(healthUrl, CLIENTS, settings.round(), null));
            producer.add(producerPerformance(recordSize, records));
        }
        return section(settings, rounds, producer, records, recordSize);
    }

    /** The section from what was measured: no figure in it comes from anywhere else. */
    static Section section(Settings settings, Rounds rounds, List<ProducerRun> producer, int records, int recordSize) {
        Samples posts = rounds.of(POST, WrkResult::requestsPerSecond);
        Samples producerRate = new Samples(producer.stream().map(ProducerRun::recordsPerSecond).toList());
        Samples producerP50 = new Samples(producer.stream().map(ProducerRun::p50Millis).toList());
        Samples producerP99 = new Samples(producer.stream().map(ProducerRun::p99Millis).toList());
        Samples noOps = rounds.of(NO_OP, WrkResult::requestsPerSecond);
        Samples postP50 = rounds.of(POST, WrkResult::p50Millis);
        Samples postP99 = rounds.of(POST, WrkResult::p99Millis);
        Samples noOpP50 = rounds.of(NO_OP, WrkResult::p50Millis);
        Samples noOpP99 = rounds.of(NO_OP, WrkResult::p99Millis);
        Samples floorP50 = rounds.of(FLOOR, WrkResult::p50Millis);
        Samples rate = posts.over(noOps);
        Figure aim = Figure.atLeast("events POST rate / no-op POST rate, " + CLIENTS + " clients", rate, AIM);

        String markdown = """
                `wrk -t1 -c%d` posting one movie event per request to `POST /api/events/movie` (each answered 201
                only after Kafka acknowledged it) and to its floor, the same service's no-op POST
                (`/bench/events/movie`: the same parsing, validation, CloudEvent and schema check, answered 201
                without sending; a route the service opens only when the benchmark starts it with
                `%s`), %d rounds of %d s, interleaved with `ProducerPerformance` (Kafka's `kafka-producer-perf-test`)
                sending %d records of %d bytes — the size of the record the events service writes, CloudEvent headers
                included — with the service's producer settings (`%s`).

                %s
                | POST against its no-op floor, per round | requests/s | p50 | p99 |
                | --- | --- | --- | --- |
                | POST / no-op POST | %s× | %s× | %s× |

                | Kafka producer tool | records/s | p50 ms | p99 ms |
                | --- | --- | --- | --- |
                | same broker, same record size | %s | %s | %s |

                **Aim: the POST's throughput ≥ %.2f× the no-op POST's at %d clients: %s** (%s×). Where
                the time of a POST goes, at the median: %s ms in all, against %s ms for the no-op POST (the health
                route alone: %s ms); the difference is the wait for the broker's acknowledgement, which concurrent
                POSTs share: their records leave in the same producer batches.
                """.formatted(CLIENTS, NO_OP_SWITCH.keySet().iterator().next() + "=true", settings.rounds(),
                settings.round().toSeconds(), records, recordSize, String.join(" ", PRODUCER_PROPS), rounds.table(),
                rate.format("%.2f"), postP50.over(noOpP50).format("%.2f"), postP99.over(noOpP99).format("%.2f"),
                producerRate.format("%.0f"), producerP50.format("%.0f"), producerP99.format("%.0f"),
                AIM, CLIENTS, aim.verdict(), rate.format("%.2f"), postP50.format("%.2f"), noOpP50.format("%.2f"), floorP50.format("%.2f"));
        return new Section("Event ingest", markdown, List.of(
                aim,
                Figure.informative("events POST p50 / no-op POST p50", postP50.over(noOpP50)),
                Figure.informative("events POST p99 / no-op POST p99", postP99.over(noOpP99)),
                Figure.informative("events POST rate / Kafka producer tool rate", posts.over(producerRate))));
    }

    /** The size on the wire of the newest record in {@code topic}: key, value and headers. */
    private int lastRecordSize(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, rig.kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            TopicPartition written = ends.entrySet().stream().filter(end -> end.getValue() > 0).findFirst()
                    .orElseThrow(() -> new IllegalStateException("nothing was written to " + topic)).getKey();
            consumer.seek(written, ends.get(written) - 1);
            for (int attempt = 0; attempt < 50; attempt++) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    int size = (record.key() == null ? 0 : record.key().length) + record.value().length;
                    for (Header header : record.headers()) {
                        size += header.key().getBytes(StandardCharsets.UTF_8).length + header.value().length;
                    }
                    return size;
                }
            }
            throw new IllegalStateException("could not read back a record of " + topic);
        }
    }

    private ProducerRun producerPerformance(int recordSize, int records) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", PERF_TOPIC, "--num-records", Integer.toString(records), "--record-size", Integer.toString(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + rig.kafka.bootstrapServers()));
        command.addAll(PRODUCER_PROPS);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ProducerPerformance failed:\n" + output);
            }
            return parseProducerSummary(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last summary line ProducerPerformance prints, the one covering the whole run. */
    static ProducerRun parseProducerSummary(String output) {
        Matcher m = PERF_SUMMARY.matcher(output);
        ProducerRun last = null;
        while (m.find()) {
            last = new ProducerRun(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(6)), Double.parseDouble(m.group(8)));
        }
        if (last == null) {
            throw new IllegalArgumentException("no ProducerPerformance summary in:\n" + output);
        }
        return last;
    }
}
