package com.cinemaabyss.platform;

import com.cinemaabyss.local.FreePorts;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The eventing bridge between a real Kafka broker and a small HTTP subscriber. */
class EventingBridgeIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<Delivery> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Long>> attempts = new ConcurrentHashMap<>();
    private volatile boolean down;
    private HttpServer subscriber;
    private String topic;
    private String deadLetters;
    private String group;
    private EventingBridge bridge;

    /** What the subscriber got: the CloudEvent attributes from the ce-* headers, the content type and the body. */
    record Delivery(String id, String type, String source, String specVersion, String contentType, String key, String action,
                    String body) {

        static Delivery of(Headers headers, String body) {
            return new Delivery(headers.getFirst("ce-id"), headers.getFirst("ce-type"), headers.getFirst("ce-source"),
                    headers.getFirst("ce-specversion"), headers.getFirst("Content-Type"), headers.getFirst("ce-key"),
                    headers.getFirst("ce-action"), body);
        }
    }

    @BeforeEach
    void start() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        topic = "bridge-" + suffix;
        deadLetters = "bridge-dlq-" + suffix;
        group = "bridge-test-" + suffix;
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(topic, 3, (short) 1), new NewTopic(deadLetters, 1, (short) 1)));
        subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.pick()), 0);
        subscriber.createContext("/deliver", exchange -> {
            Delivery delivery = Delivery.of(exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            List<Long> tries = attempts.computeIfAbsent(delivery.id(), k -> new CopyOnWriteArrayList<>());
            tries.add(System.nanoTime());
            String body = delivery.body();
            if (body.contains("throw")) {
                throw new IllegalStateException("the subscriber fails on this one");
            }
            if (body.contains("hang")) {
                sleep(Duration.ofSeconds(2));
            }
            int status = body.contains("always-500") ? 500
                    : body.contains("reject-400") ? 400
                    : body.contains("fail-twice") && tries.size() <= 2 ? 503
                    : body.contains("down") && down ? 503
                    : 202;
            if (status == 202) {
                received.add(delivery);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        subscriber.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        subscriber.start();
    }

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
        subscriber.stop(0);
    }

    @Test
    void eventsArriveAsBinaryModeCloudEventsInPartitionOrder() {
        startBridge(3, Duration.ofMillis(20));
        List<CloudEvent> sent = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            CloudEvent event = event("{\"key\":\"k" + i % 3 + "\",\"n\":" + i + "}");
            sent.add(event);
            publish("k" + i % 3, event);
        }
        await(() -> received.size() == sent.size());
        Map<String, Delivery> byId = new ConcurrentHashMap<>();
        received.forEach(d -> byId.put(d.id(), d));
        for (CloudEvent event : sent) {
            Delivery delivery = byId.get(event.getId());
            assertEquals("com.cinemaabyss.test.v1", delivery.type());
            assertEquals("/test", delivery.source());
            assertEquals("1.0", delivery.specVersion());
            assertEquals("application/json", delivery.contentType());
            assertEquals(new String(event.getData().toBytes(), StandardCharsets.UTF_8), delivery.body());
        }
        for (String key : List.of("k0", "k1", "k2")) {
            List<String> sentOrder = sent.stream().filter(e -> bodyOf(e).contains(key)).map(CloudEvent::getId).toList();
            List<String> receivedOrder;
            synchronized (received) {
                receivedOrder = received.stream().filter(d -> d.body().contains(key)).map(Delivery::id).toList();
            }
            assertEquals(sentOrder, receivedOrder, "order of key " + key);
        }
    }

    @Test
    void aSubscriberThatFailsTwiceGetsTheEventOnTheThirdAttemptAfterGrowingBackoff() {
        startBridge(3, Duration.ofMillis(25));
        CloudEvent flaky = event("{\"case\":\"fail-twice\"}");
        publish("k", flaky);
        await(() -> received.size() == 1);
        List<Long> tries = attempts.get(flaky.getId());
        assertEquals(3, tries.size());
        long firstWait = (tries.get(1) - tries.get(0)) / 1_000_000;
        long secondWait = (tries.get(2) - tries.get(1)) / 1_000_000;
        assertTrue(firstWait >= 50 && secondWait >= 100, "delay * 2^retry: waited " + firstWait + " and " + secondWait + " ms");
        assertEquals(0, deadLetterCount());
    }

    @Test
    void whatKeepsFailingIsParkedWithTheErrorAndTheNextEventStillArrives() {
        startBridge(3, Duration.ofMillis(10));
        CloudEvent poison = event("{\"case\":\"always-500\"}");
        CloudEvent rejected = event("{\"case\":\"reject-400\"}");
        CloudEvent fine = event("{\"case\":\"fine\"}");
        RecordMetadata poisonAt = publish("same-key", poison);
        publish("same-key", rejected);
        publish("same-key", fine);
        await(() -> received.size() == 1);
        assertEquals(fine.getId(), received.getFirst().id());
        assertEquals(4, attempts.get(poison.getId()).size(), "one attempt and three retries");
        assertEquals(1, attempts.get(rejected.getId()).size(), "a 400 is not retried, as in Knative");

        List<CloudEvent> parked = readDeadLetters(2);
        assertEquals(List.of(poison.getId(), rejected.getId()), parked.stream().map(CloudEvent::getId).toList());
        CloudEvent parkedPoison = parked.getFirst();
        assertEquals(poison.getType(), parkedPoison.getType());
        assertEquals(bodyOf(poison), bodyOf(parkedPoison));
        assertEquals("500", parkedPoison.getExtension("knativeerrorcode"));
        assertEquals("400", parked.get(1).getExtension("knativeerrorcode"));
        assertTrue(String.valueOf(parkedPoison.getExtension("knativeerrordest")).endsWith("/deliver"));
        assertEquals("test", parkedPoison.getExtension("deadlettersub"));
        assertEquals(topic, parkedPoison.getExtension("deadlettertopic"));
        assertEquals(String.valueOf(poisonAt.partition()), String.valueOf(parkedPoison.getExtension("deadletterpartition")));
        assertEquals(String.valueOf(poisonAt.offset()), parkedPoison.getExtension("deadletteroffset"));
    }

    @Test
    void stoppingDuringRetriesParksNothingAndTheEventIsDeliveredAfterARestart() {
        down = true;
        startBridge(3, Duration.ofSeconds(1));
        CloudEvent event = event("{\"case\":\"down\"}");
        publish("k", event);
        await(() -> attempts.containsKey(event.getId()));

        long stopping = System.nanoTime();
        bridge.close();
        assertTrue(System.nanoTime() - stopping < Duration.ofSeconds(3).toNanos(), "stop does not wait out the backoff");
        bridge = null;
        assertEquals(0, deadLetterCount(), "a stop is not a delivery failure");

        down = false;
        startBridge(3, Duration.ofSeconds(1));
        await(() -> received.size() == 1);
        assertEquals(event.getId(), received.getFirst().id());
    }

    @Test
    void aRecordThatIsNotACloudEventIsWrappedAsKnativeDoes() {
        startBridge(3, Duration.ofMillis(10));
        RecordMetadata at;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(StringSerializer.class))) {
            at = producer.send(new ProducerRecord<>(topic, "plain-key", "{\"legacy\":true}")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        await(() -> received.size() == 1);
        Delivery delivery = received.getFirst();
        assertEquals("dev.knative.kafka.event", delivery.type());
        assertEquals("partition:" + at.partition() + "/offset:" + at.offset(), delivery.id());
        assertEquals("/apis/v1/namespaces/local/kafkasources/test#" + topic, delivery.source());
        assertEquals("plain-key", delivery.key());
        assertEquals("{\"legacy\":true}", delivery.body());
    }

    @Test
    void aStructuredModeRecordIsDeliveredAsTheCloudEventItHolds() {
        startBridge(3, Duration.ofMillis(10));
        String id = UUID.randomUUID().toString();
        String data = "{\"movie_id\":7,\"title\":\"Solaris\",\"action\":\"viewed\"}";
        sendRaw("movie-7", """
                {"specversion":"1.0","id":"%s","source":"/movies","type":"com.cinemaabyss.events.movie.recorded.v1",\
                "datacontenttype":"application/json","data":%s}""".formatted(id, data),
                Map.of("content-type", "application/cloudevents+json; charset=UTF-8"));
        await(() -> received.size() == 1);
        Delivery delivery = received.getFirst();
        assertEquals(id, delivery.id());
        assertEquals("com.cinemaabyss.events.movie.recorded.v1", delivery.type());
        assertEquals("/movies", delivery.source());
        assertEquals("application/json", delivery.contentType());
        assertEquals(data, delivery.body());
    }

    @Test
    void aBinaryModeRecordWrittenByHandIsDeliveredAsTheCloudEventItHolds() {
        startBridge(3, Duration.ofMillis(10));
        String id = UUID.randomUUID().toString();
        sendRaw("movie-8", "{\"movie_id\":8}", Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "/movies",
                "ce_type", "com.cinemaabyss.events.movie.recorded.v1", "content-type", "application/json"));
        await(() -> received.size() == 1);
        Delivery delivery = received.getFirst();
        assertEquals(id, delivery.id());
        assertEquals("com.cinemaabyss.events.movie.recorded.v1", delivery.type());
        assertEquals("/movies", delivery.source());
        assertEquals("application/json", delivery.contentType());
        assertEquals("{\"movie_id\":8}", delivery.body());
    }

    @Test
    void aPlainJsonRecordWithAContentTypeButNoCloudEventIsWrapped() {
        startBridge(3, Duration.ofMillis(10));
        RecordMetadata at = sendRaw("k", "{\"legacy\":2}", Map.of("content-type", "application/json"));
        await(() -> received.size() == 1);
        Delivery delivery = received.getFirst();
        assertEquals("dev.knative.kafka.event", delivery.type());
        assertEquals("partition:" + at.partition() + "/offset:" + at.offset(), delivery.id());
        assertEquals("{\"legacy\":2}", delivery.body());
    }

    @Test
    void aRecordThatOnlyClaimsToBeACloudEventIsWrappedAndTheNextOneStillArrives() {
        startBridge(3, Duration.ofMillis(10));
        Map<String, String> structured = Map.of("content-type", "application/cloudevents+json");
        RecordMetadata notJson = sendRaw("same-key", "{not json", structured);
        RecordMetadata noId = sendRaw("same-key", "{\"specversion\":\"1.0\",\"type\":\"t\",\"source\":\"/s\"}", structured);
        RecordMetadata badVersion = sendRaw("same-key", "{}", Map.of("ce_specversion", "9.9", "ce_id", "x"));
        CloudEvent fine = event("{\"case\":\"fine\"}");
        publish("same-key", fine);
        await(() -> received.size() == 4);
        assertEquals(List.of("partition:" + notJson.partition() + "/offset:" + notJson.offset(),
                        "partition:" + noId.partition() + "/offset:" + noId.offset(),
                        "partition:" + badVersion.partition() + "/offset:" + badVersion.offset(), fine.getId()),
                received.stream().map(Delivery::id).toList());
        assertEquals("{not json", received.getFirst().body());
        assertEquals(List.of("dev.knative.kafka.event", "dev.knative.kafka.event", "dev.knative.kafka.event", fine.getType()),
                received.stream().map(Delivery::type).toList());
    }

    @Test
    void aSubscriberThatHangsOrThrowsOnOneEventDoesNotHoldUpTheNext() {
        bridge = new EventingBridge(List.of(new Subscription("test", List.of(topic), group, "subscriber", "/deliver",
                1, "exponential", Duration.ofMillis(10), deadLetters)),
                name -> URI.create("http://127.0.0.1:" + subscriber.getAddress().getPort()),
                SharedTestInfra.kafkaBootstrapServers(), Duration.ofMillis(300)).start();
        CloudEvent hangs = event("{\"case\":\"hang\"}");
        CloudEvent throwsOnIt = event("{\"case\":\"throw\"}");
        CloudEvent fine = event("{\"case\":\"fine\"}");
        publish("same-key", hangs);
        publish("same-key", throwsOnIt);
        publish("same-key", fine);
        await(() -> received.size() == 1);
        assertEquals(fine.getId(), received.getFirst().id());
        List<CloudEvent> parked = readDeadLetters(2);
        assertEquals(List.of(hangs.getId(), throwsOnIt.getId()), parked.stream().map(CloudEvent::getId).toList());
        assertTrue(String.valueOf(parked.getFirst().getExtension("knativeerrordata")).contains("HttpTimeoutException"),
                String.valueOf(parked.getFirst().getExtension("knativeerrordata")));
        // The counts follow the subscriber's answer by a moment.
        await(() -> bridge.health().equals(List.of(new EventingBridge.Health("test", true, 0, 1, 2, null))));
    }

    @Test
    void anExceptionWhileDeliveringParksTheEventAndTheNextStillArrives() {
        startBridge(3, Duration.ofMillis(10), failingOn("explode", Integer.MAX_VALUE, () -> new IllegalArgumentException("bad header")));
        CloudEvent explodes = event("{\"case\":\"explode\"}");
        CloudEvent fine = event("{\"case\":\"fine\"}");
        publish("same-key", explodes);
        publish("same-key", fine);
        await(() -> received.size() == 1);
        assertEquals(fine.getId(), received.getFirst().id());
        CloudEvent parked = readDeadLetters(1).getFirst();
        assertEquals(explodes.getId(), parked.getId());
        assertEquals("java.lang.IllegalArgumentException: bad header", parked.getExtension("knativeerrordata"));
        await(() -> bridge.health().equals(List.of(new EventingBridge.Health("test", true, 0, 1, 1, null))));
    }

    @Test
    void aWorkerKilledByAnErrorIsRunAgainAndHealthSaysSo() {
        startBridge(3, Duration.ofMillis(10), failingOn("kill-worker", 1, () -> new Error("killed for the test")));
        CloudEvent killer = event("{\"case\":\"kill-worker\"}");
        CloudEvent fine = event("{\"case\":\"fine\"}");
        publish("same-key", killer);
        publish("same-key", fine);
        await(() -> received.size() == 2);
        assertEquals(List.of(killer.getId(), fine.getId()), received.stream().map(Delivery::id).toList(),
                "the event in flight when the worker died is delivered after the restart, then the next");
        await(() -> bridge.health().equals(List.of(new EventingBridge.Health("test", true, 1, 2, 0, "java.lang.Error: killed for the test"))));
        assertEquals(0, deadLetterCount());
    }

    @Test
    void whenASecondMemberJoinsAndTheFirstLeavesNoEventIsLost() {
        startBridge(3, Duration.ofMillis(10));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            CloudEvent event = event("{\"n\":" + i + "}");
            sent.add(event.getId());
            publish("k" + i, event);
        }
        await(() -> received.size() >= 10);
        try (EventingBridge second = newBridge(3, Duration.ofMillis(10), new HttpDelivery(Duration.ofSeconds(5))).start()) {
            for (int i = 30; i < 60; i++) {
                CloudEvent event = event("{\"n\":" + i + "}");
                sent.add(event.getId());
                publish("k" + i, event);
            }
            bridge.close();
            bridge = null;
            await(() -> received.stream().map(Delivery::id).collect(Collectors.toSet()).containsAll(sent));
        }
    }

    @Test
    void extensionValuesOutsidePrintableAsciiArrivePercentEncodedAndDecodeBackToTheOriginal() {
        startBridge(3, Duration.ofMillis(10));
        List<String> actions = List.of("просмотр", "a\u0001b", "50% \"off\"");
        for (String action : actions) {
            publish("same-key", CloudEventBuilder.v1(event("{}")).withExtension("action", action).build());
        }
        await(() -> received.size() == actions.size());
        assertEquals(List.of("%D0%BF%D1%80%D0%BE%D1%81%D0%BC%D0%BE%D1%82%D1%80", "a%01b", "50%25%20%22off%22"),
                received.stream().map(Delivery::action).toList());
        assertEquals(actions, received.stream()
                .map(d -> URLDecoder.decode(d.action().replace("+", "%2B"), StandardCharsets.UTF_8)).toList());
        assertEquals(0, deadLetterCount());
    }

    @Test
    void theBridgeCountsDeliveriesAndDeadLettersAndSamplesLagPerSubscriptionOnItsScrapeEndpoint() throws Exception {
        down = true;
        CloudEvent late = event("{\"case\":\"down\"}");
        CloudEvent rejected = event("{\"case\":\"reject-400\"}");
        publish("same-key", late);
        publish("same-key", rejected);
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (BridgeMetricsServer server = new BridgeMetricsServer(meters, 0)) {
            bridge = newBridge(3, Duration.ofMillis(300), new HttpDelivery(Duration.ofSeconds(5)), meters).start();
            // Nothing committed yet while the subscriber is down: both records count.
            await(() -> sample(server, "eventing_consumer_lag_records{subscription=\"test\"}") == 2);
            await(() -> attempts.containsKey(late.getId())); // one attempt failed while down: it is retried
            down = false;
            await(() -> received.size() == 1 && sample(server, "eventing_dead_letters_total{subscription=\"test\"}") == 1);
            assertEquals(1, sample(server, "eventing_delivery_seconds_count{outcome=\"delivered\",subscription=\"test\"}"));
            assertEquals(1, sample(server, "eventing_delivery_seconds_count{outcome=\"parked\",subscription=\"test\"}"));
            assertTrue(sample(server, "eventing_delivery_attempts_total{result=\"retryable\",subscription=\"test\"}") >= 1);
            assertEquals(1, sample(server, "eventing_delivery_attempts_total{result=\"rejected\",subscription=\"test\"}"));
            assertEquals(1, sample(server, "eventing_worker_running{subscription=\"test\"}"));
            await(() -> sample(server, "eventing_consumer_lag_records{subscription=\"test\"}") == 0);
        }
    }

    /** One sample's value from the bridge's scrape endpoint, as Prometheus reads it; NaN when the series is not there. */
    private static double sample(BridgeMetricsServer server, String series) {
        HttpResponse<String> scrape;
        try (HttpClient client = HttpClient.newHttpClient()) {
            scrape = client.send(HttpRequest.newBuilder(server.url()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertEquals(200, scrape.statusCode());
        return scrape.body().lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).strip().split(" ")[0]))
                .findFirst().orElse(Double.NaN);
    }

    private void startBridge(int retries, Duration backoffDelay) {
        startBridge(retries, backoffDelay, new HttpDelivery(Duration.ofSeconds(5)));
    }

    private void startBridge(int retries, Duration backoffDelay, HttpDelivery delivery) {
        bridge = newBridge(retries, backoffDelay, delivery).start();
    }

    private EventingBridge newBridge(int retries, Duration backoffDelay, HttpDelivery delivery) {
        return newBridge(retries, backoffDelay, delivery, new SimpleMeterRegistry());
    }

    private EventingBridge newBridge(int retries, Duration backoffDelay, HttpDelivery delivery, MeterRegistry meters) {
        Subscription subscription = new Subscription("test", List.of(topic), group, "subscriber", "/deliver",
                retries, "exponential", backoffDelay, deadLetters);
        URI subscriberUrl = URI.create("http://127.0.0.1:" + subscriber.getAddress().getPort());
        return new EventingBridge(List.of(subscription), name -> subscriberUrl, SharedTestInfra.kafkaBootstrapServers(), delivery, meters);
    }

    /** The real delivery, except that it throws {@code failure} on the attempts whose body holds {@code marker}. */
    private static HttpDelivery failingOn(String marker, int times, Supplier<Throwable> failure) {
        AtomicInteger failures = new AtomicInteger();
        return new HttpDelivery(Duration.ofSeconds(5)) {
            @Override
            public Outcome deliver(URI target, CloudEvent event, String traceparent) {
                if (bodyOf(event).contains(marker) && failures.getAndIncrement() < times) {
                    switch (failure.get()) {
                        case Error error -> throw error;
                        case RuntimeException exception -> throw exception;
                        case Throwable other -> throw new AssertionError(other);
                    }
                }
                return super.deliver(target, event, traceparent);
            }
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CloudEvent event(String json) {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withSource(URI.create("/test"))
                .withType("com.cinemaabyss.test.v1").withDataContentType("application/json")
                .withData(json.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static String bodyOf(CloudEvent event) {
        return new String(event.getData().toBytes(), StandardCharsets.UTF_8);
    }

    private RecordMetadata publish(String key, CloudEvent event) {
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(producerConfig(CloudEventSerializer.class))) {
            return producer.send(new ProducerRecord<>(topic, key, event)).get();
        } catch (Exception e) {
            throw new AssertionError("could not publish", e);
        }
    }

    /** A record as any Kafka client could write it: a string value and the given headers. */
    private RecordMetadata sendRaw(String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(StringSerializer.class))) {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new AssertionError("could not publish", e);
        }
    }

    private static Map<String, Object> producerConfig(Class<?> valueSerializer) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer);
    }

    /** Reads the dead-letter topic (one partition) from the start until {@code expected} events are there. */
    private List<CloudEvent> readDeadLetters(int expected) {
        List<CloudEvent> events = new ArrayList<>();
        TopicPartition partition = new TopicPartition(deadLetters, 0);
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (events.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    events.add(record.value());
                }
            }
        }
        return events;
    }

    private long deadLetterCount() {
        TopicPartition partition = new TopicPartition(deadLetters, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
