package com.cinemaabyss.platform;

import com.cinemaabyss.local.FreePorts;
import com.cinemaabyss.local.SharedTestInfra;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The eventing bridge between a real Kafka broker and a small HTTP subscriber. */
class EventingBridgeIT {

    private final List<Delivery> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private HttpServer subscriber;
    private String topic;
    private String deadLetters;
    private EventingBridge bridge;

    record Delivery(String id, String type, String source, String contentType, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        topic = "bridge-" + suffix;
        deadLetters = "bridge-dlq-" + suffix;
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(deadLetters, 1, (short) 1)));
        subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.pick()), 0);
        subscriber.createContext("/deliver", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("ce-id");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            int status = body.contains("always-500") ? 500
                    : body.contains("reject-400") ? 400
                    : body.contains("fail-twice") && attempt <= 2 ? 503 : 202;
            if (status == 202) {
                received.add(new Delivery(id, exchange.getRequestHeaders().getFirst("ce-type"),
                        exchange.getRequestHeaders().getFirst("ce-source"), exchange.getRequestHeaders().getFirst("Content-Type"), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        subscriber.start();
        Subscription subscription = new Subscription("test", List.of(topic), "bridge-test-" + suffix, "subscriber", "/deliver",
                3, "exponential", Duration.ofMillis(20), deadLetters);
        bridge = new EventingBridge(List.of(subscription), name -> URI.create("http://127.0.0.1:" + subscriber.getAddress().getPort()),
                SharedTestInfra.kafkaBootstrapServers(), Duration.ofSeconds(5)).start();
    }

    @AfterEach
    void stop() {
        bridge.close();
        subscriber.stop(0);
    }

    @Test
    void eventsArriveAsBinaryModeCloudEventsInOrder() {
        List<CloudEvent> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(event("{\"n\":" + i + "}"));
        }
        publish(sent);
        await(() -> received.size() == 10);
        for (int i = 0; i < 10; i++) {
            Delivery delivery = received.get(i);
            assertEquals(sent.get(i).getId(), delivery.id());
            assertEquals("com.cinemaabyss.test.v1", delivery.type());
            assertEquals("/test", delivery.source());
            assertEquals("application/json", delivery.contentType());
            assertEquals("{\"n\":" + i + "}", delivery.body());
        }
    }

    @Test
    void aSubscriberThatFailsTwiceGetsTheEventOnTheThirdAttempt() {
        CloudEvent flaky = event("{\"case\":\"fail-twice\"}");
        publish(List.of(flaky));
        await(() -> received.size() == 1);
        assertEquals(3, attempts.get(flaky.getId()).get());
    }

    @Test
    void whatKeepsFailingIsParkedAndTheNextEventStillArrives() {
        CloudEvent poison = event("{\"case\":\"always-500\"}");
        CloudEvent rejected = event("{\"case\":\"reject-400\"}");
        CloudEvent fine = event("{\"case\":\"fine\"}");
        publish(List.of(poison, rejected, fine));
        await(() -> received.size() == 1);
        assertEquals(fine.getId(), received.getFirst().id());
        assertEquals(4, attempts.get(poison.getId()).get(), "one attempt and three retries");
        assertEquals(1, attempts.get(rejected.getId()).get(), "a 400 is not retried");

        List<CloudEvent> parked = readAll(deadLetters, 2);
        assertEquals(List.of(poison.getId(), rejected.getId()), parked.stream().map(CloudEvent::getId).toList());
        assertEquals("500", parked.get(0).getExtension("knativeerrorcode"));
        assertEquals("400", parked.get(1).getExtension("knativeerrorcode"));
        assertTrue(String.valueOf(parked.get(0).getExtension("knativeerrordest")).endsWith("/deliver"));
        assertEquals(topic + "-0@0", parked.get(0).getExtension("deadletterorigin"));
    }

    private CloudEvent event(String json) {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withSource(URI.create("/test"))
                .withType("com.cinemaabyss.test.v1").withDataContentType("application/json")
                .withData(json.getBytes(StandardCharsets.UTF_8)).build();
    }

    private void publish(List<CloudEvent> events) {
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class))) {
            events.forEach(e -> producer.send(new ProducerRecord<>(topic, "k", e)));
        }
    }

    private static List<CloudEvent> readAll(String topic, int expected) {
        List<CloudEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (events.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> events.add(r.value()));
            }
        }
        return events;
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
