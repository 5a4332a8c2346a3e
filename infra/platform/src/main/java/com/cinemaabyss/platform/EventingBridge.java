package com.cinemaabyss.platform;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The local stand-in for Knative Eventing: for every KafkaSource in knative/eventing, a worker consumes
 * the topics and delivers the CloudEvents to the subscriber's route over HTTP, as a cluster would.
 * A worker that dies is run again after a short backoff; {@link #health()} tells how each one is doing.
 */
public final class EventingBridge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventingBridge.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Duration FIRST_RESTART = Duration.ofMillis(500);
    private static final Duration LAST_RESTART = Duration.ofSeconds(30);
    /** A life longer than this counts as healthy: the next restart starts from the short backoff again. */
    private static final Duration HEALTHY_RUN = Duration.ofMinutes(1);
    private static final int PARK_BLOCK_MS = 10_000;
    private static final int PARK_DELIVERY_MS = 30_000;
    /** The longest one attempt to park an event can take: waiting for metadata, then for the broker's acknowledgement. */
    static final Duration PARK_BOUND = Duration.ofMillis(PARK_BLOCK_MS + PARK_DELIVERY_MS);
    /** How often each subscription's consumer lag is sampled for {@code eventing_consumer_lag_records}. */
    static final Duration LAG_INTERVAL = Duration.ofSeconds(5);

    private final List<SubscriptionWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final KafkaProducer<String, CloudEvent> deadLetters;
    private final HttpDelivery delivery;
    private final LagSampler lags;

    /** How one subscription's worker is doing; {@code lastError} is null while nothing went wrong. */
    public record Health(String subscription, boolean running, int restarts, long delivered, long parked, String lastError) {
    }

    /**
     * {@code serviceUrl} maps a Knative Service name to where it answers on this machine; {@code deliveryTimeout}
     * bounds one HTTP attempt.
     */
    public EventingBridge(List<Subscription> subscriptions, Function<String, URI> serviceUrl, String bootstrapServers,
                          Duration deliveryTimeout) {
        this(subscriptions, serviceUrl, bootstrapServers, new HttpDelivery(deliveryTimeout), new SimpleMeterRegistry());
    }

    /**
     * As above, proving itself to the functions with {@code deliveryToken} (see the kit's InternalRoutesFilter), and
     * keeping its meters (see {@link BridgeMetrics}) in {@code registry}.
     */
    public EventingBridge(List<Subscription> subscriptions, Function<String, URI> serviceUrl, String bootstrapServers,
                          Duration deliveryTimeout, String deliveryToken, MeterRegistry registry) {
        this(subscriptions, serviceUrl, bootstrapServers, new HttpDelivery(deliveryTimeout, deliveryToken), registry);
    }

    EventingBridge(List<Subscription> subscriptions, Function<String, URI> serviceUrl, String bootstrapServers,
                   HttpDelivery delivery) {
        this(subscriptions, serviceUrl, bootstrapServers, delivery, new SimpleMeterRegistry());
    }

    EventingBridge(List<Subscription> subscriptions, Function<String, URI> serviceUrl, String bootstrapServers,
                   HttpDelivery delivery, MeterRegistry registry) {
        // Before anything is opened: a subscription whose worst case no poll interval covers is refused here.
        List<PollBudget> budgets = subscriptions.stream()
                .map(s -> PollBudget.of(s, delivery.attemptBound(), PARK_BOUND)).toList();
        // Dead letters go out in binary mode, like a KafkaSink with contentMode: binary.
        this.deadLetters = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "bridge-dead-letters",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, PARK_BLOCK_MS,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, PARK_DELIVERY_MS,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, PARK_DELIVERY_MS / 2,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class));
        this.delivery = delivery;
        // Found through ServiceLoader, which may not see it under every class loader; structured mode depends on it.
        if (EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE) == null) {
            EventFormatProvider.getInstance().registerFormat(new JsonFormat());
        }
        List<BridgeMetrics> metrics = new ArrayList<>();
        for (int i = 0; i < subscriptions.size(); i++) {
            Subscription subscription = subscriptions.get(i);
            URI target = serviceUrl.apply(subscription.serviceName()).resolve(subscription.path());
            SubscriptionWorker worker = new SubscriptionWorker(subscription, target, bootstrapServers, delivery, deadLetters,
                    budgets.get(i), registry);
            workers.add(worker);
            metrics.add(worker.metrics());
        }
        this.lags = new LagSampler(bootstrapServers, subscriptions, metrics, LAG_INTERVAL);
    }

    public EventingBridge start() {
        for (SubscriptionWorker worker : workers) {
            threads.add(Thread.ofPlatform().name("bridge-" + worker.name()).start(() -> supervise(worker)));
        }
        return this;
    }

    /** Per subscription, in the order of the manifests. */
    public List<Health> health() {
        return workers.stream().map(SubscriptionWorker::health).toList();
    }

    /** Runs the worker until the bridge stops, running it again whenever it dies. */
    private static void supervise(SubscriptionWorker worker) {
        Duration backoff = FIRST_RESTART;
        while (!worker.stopping()) {
            long started = System.nanoTime();
            Throwable death;
            try {
                worker.run();
                if (worker.stopping()) {
                    return;
                }
                death = new IllegalStateException("the worker returned without being stopped");
            } catch (Throwable t) {
                death = t;
            }
            if (worker.stopping()) {
                return;
            }
            if (System.nanoTime() - started > HEALTHY_RUN.toNanos()) {
                backoff = FIRST_RESTART;
            }
            log.error("subscription={} worker died; running it again in {} ms: {}", worker.name(), backoff.toMillis(),
                    death.toString(), death);
            if (!worker.pause(backoff)) {
                return;
            }
            worker.restarted(death);
            backoff = backoff.multipliedBy(2).compareTo(LAST_RESTART) > 0 ? LAST_RESTART : backoff.multipliedBy(2);
        }
    }

    /** Stops every worker; an event in flight is left uncommitted and delivered again next time. */
    @Override
    public void close() {
        workers.forEach(SubscriptionWorker::stop);
        for (Thread thread : threads) {
            try {
                if (!thread.join(STOP_GRACE)) {
                    thread.interrupt(); // a subscriber slow to answer: give up the attempt
                    thread.join(STOP_GRACE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lags.close();
        deadLetters.close(Duration.ofSeconds(5));
        delivery.close();
    }
}
