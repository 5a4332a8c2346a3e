package com.cinemaabyss.kit.outbox;

import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.kit.dynamo.TableSetup;
import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import com.cinemaabyss.kit.events.CloudEventPublisher;
import com.cinemaabyss.kit.events.EventTracing;
import com.cinemaabyss.kit.events.KafkaSettings;
import com.cinemaabyss.kit.test.MutableClock;
import com.cinemaabyss.local.FreePorts;
import com.cinemaabyss.kit.test.SharedTestInfra;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox against real DynamoDB Local and Kafka: a write accepted while Kafka is down is announced once it is back,
 * in the trace of the request that wrote it.
 */
class OutboxIT {

    /** Spans a real Brave tracer (W3C propagation, as the functions run it) finished, kept in memory. */
    private final List<MutableSpan> finished = new CopyOnWriteArrayList<>();
    private final Tracing braveTracing = Tracing.newBuilder().traceId128Bit(true).propagationFactory(new W3CPropagation()).addSpanHandler(new SpanHandler() {
        @Override
        public boolean end(TraceContext context, MutableSpan span, Cause cause) {
            finished.add(span);
            return true;
        }
    }).build();
    private final Tracer tracer = new BraveTracer(braveTracing.tracer(), new BraveCurrentTraceContext(braveTracing.currentTraceContext()));
    private final EventTracing tracing = new EventTracing(tracer, new BravePropagator(braveTracing));

    @Test
    void anEventQueuedWhileKafkaIsDownIsPublishedLaterInTheWritersTraceAndTheWriteIsKept() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String topic = "outbox-test-" + suffix;
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(topic, 1, (short) 1)));
        DynamoDbClient dynamo = SharedTestInfra.dynamo().client();
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        TableSetup tables = new TableSetup(dynamo, true);
        DynamoDbTable<OutboxItem> things = tables.ensure(enhanced.table("things-" + suffix, TableSchema.fromBean(OutboxItem.class)));
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withSource(URI.create("/test/outbox"))
                .withType("com.cinemaabyss.test.thing.stored.v1").withSubject("7")
                .withData("application/json", "{\"id\":7}".getBytes(StandardCharsets.UTF_8)).build();

        OutboxItem thing = new OutboxItem();
        thing.setId("thing-7");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Span request = tracer.nextSpan().name("POST /things").start();
        try (CloudEventPublisher deadKafka = new CloudEventPublisher(new KafkaSettings("127.0.0.1:" + FreePorts.pick(), Duration.ofMillis(500)), tracing);
             Outbox outbox = new Outbox(enhanced, tables, "outbox-" + suffix, deadKafka, Duration.ofHours(1), 3, clock)) {
            outbox.bindTo(meters);
            try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
                outbox.insertAndAnnounce(things, thing, topic, "7", event);
            } finally {
                request.end();
            }
            assertEquals(1, outbox.pending());
            assertThrows(UnavailableException.class, outbox::drain);
            clock.advance(Duration.ofSeconds(90));
            assertEquals(1, meters.get("outbox.pending.events").gauge().value());
            assertEquals(90, meters.get("outbox.oldest.pending.age").gauge().value(), 0.001, "the age grows while Kafka is down");
        }
        assertNotNull(things.getItem(thing), "the write is kept even though its event could not be published");

        String requestParent = "00-" + request.context().traceId() + "-" + request.context().spanId() + "-01";
        OutboxItem row = enhanced.table("outbox-" + suffix, TableSchema.fromBean(OutboxItem.class)).getItem(thing(event.getId()));
        assertTrue(row.getEvent().contains("\"traceparent\":\"" + requestParent + "\""), "the row keeps the writer's trace: " + row.getEvent());

        // The relay publishes later, on its own thread, with no request around: the stored context is what it has.
        try (CloudEventPublisher liveKafka = new CloudEventPublisher(new KafkaSettings(SharedTestInfra.kafkaBootstrapServers(), Duration.ofSeconds(5)), tracing);
             Outbox outbox = new Outbox(enhanced, tables, "outbox-" + suffix, liveKafka, Duration.ofHours(1), 3, clock)) {
            SimpleMeterRegistry after = new SimpleMeterRegistry();
            outbox.bindTo(after);
            assertEquals(1, outbox.drain());
            assertEquals(0, outbox.pending());
            assertEquals(0, after.get("outbox.pending.events").gauge().value());
            assertEquals(0, after.get("outbox.oldest.pending.age").gauge().value());
        }
        List<ConsumerRecord<String, CloudEvent>> records = readAll(topic);
        assertEquals(1, records.size());
        assertEquals(event.getId(), records.getFirst().value().getId());
        assertEquals("7", records.getFirst().key());
        assertEquals(requestParent, records.getFirst().value().getExtension("traceparent"), "ce_traceparent: the writer's context");
        MutableSpan publish = finished.stream().filter(span -> span.kind() == brave.Span.Kind.PRODUCER).reduce((a, b) -> b).orElseThrow();
        assertEquals(request.context().traceId(), publish.traceId(), "the relay's publish joins the writer's trace");
        assertEquals(request.context().spanId(), publish.parentId());
        assertEquals("publish " + topic, publish.name());
        assertEquals("00-" + publish.traceId() + "-" + publish.id() + "-01",
                new String(records.getFirst().headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8),
                "the record's W3C header is the publish span's, for an eventing layer that continues traces from Kafka");
        dynamo.close();
    }

    @Test
    void anEventKafkaRefusesIsParkedAfterItsAttemptsAndDoesNotHoldUpTheOnesBehindIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String topic = "outbox-order-" + suffix;
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(topic, 1, (short) 1)));
        DynamoDbClient dynamo = SharedTestInfra.dynamo().client();
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        TableSetup tables = new TableSetup(dynamo, true);
        DynamoDbTable<OutboxItem> things = tables.ensure(enhanced.table("things-" + suffix, TableSchema.fromBean(OutboxItem.class)));
        try (CloudEventPublisher kafka = new CloudEventPublisher(new KafkaSettings(SharedTestInfra.kafkaBootstrapServers(), Duration.ofSeconds(5)));
             Outbox outbox = new Outbox(enhanced, tables, "outbox-" + suffix, kafka, Duration.ofHours(1), 2)) {
            outbox.insertAndAnnounce(things, thing("poison"), "not a valid topic!", "1", event("1"));
            for (int i = 2; i <= 4; i++) {
                outbox.insertAndAnnounce(things, thing("thing-" + i), topic, Integer.toString(i), event(Integer.toString(i)));
            }
            outbox.drain();
            outbox.drain();

            assertEquals(0, outbox.pending(), "the refused event was parked, the others published");
            List<OutboxItem> parked = outbox.parked();
            assertEquals(1, parked.size());
            assertEquals(2, parked.getFirst().getAttempts());
            assertNotNull(parked.getFirst().getLastError());
        }
        List<ConsumerRecord<String, CloudEvent>> records = readAll(topic);
        assertEquals(List.of("2", "3", "4"), records.stream().map(ConsumerRecord::key).toList(), "in the order they were written");
        dynamo.close();
    }

    private static OutboxItem thing(String id) {
        OutboxItem thing = new OutboxItem();
        thing.setId(id);
        return thing;
    }

    private static CloudEvent event(String subject) {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withSource(URI.create("/test/outbox"))
                .withType("com.cinemaabyss.test.thing.stored.v1").withSubject(subject)
                .withData("application/json", "{}".getBytes(StandardCharsets.UTF_8)).build();
    }

    private static List<ConsumerRecord<String, CloudEvent>> readAll(String topic) {
        List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (records.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
