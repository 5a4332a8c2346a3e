package com.cinemaabyss.platform;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The local stand-in for Knative Eventing: for every KafkaSource in knative/eventing, a worker consumes
 * the topics and delivers the CloudEvents to the subscriber's route over HTTP, as a cluster would.
 */
public final class EventingBridge implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final List<SubscriptionWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final KafkaProducer<String, CloudEvent> deadLetters;
    private final HttpDelivery delivery;

    /**
     * {@code serviceUrl} maps a Knative Service name to where it answers on this machine; {@code deliveryTimeout}
     * bounds one HTTP attempt.
     */
    public EventingBridge(List<Subscription> subscriptions, Function<String, URI> serviceUrl, String bootstrapServers,
                          Duration deliveryTimeout) {
        // Dead letters go out in binary mode, like a KafkaSink with contentMode: binary.
        this.deadLetters = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "bridge-dead-letters",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class));
        this.delivery = new HttpDelivery(deliveryTimeout);
        // Found through ServiceLoader, which may not see it under every class loader; structured mode depends on it.
        if (EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE) == null) {
            EventFormatProvider.getInstance().registerFormat(new JsonFormat());
        }
        for (Subscription subscription : subscriptions) {
            URI target = serviceUrl.apply(subscription.serviceName()).resolve(subscription.path());
            workers.add(new SubscriptionWorker(subscription, target, bootstrapServers, delivery, deadLetters));
        }
    }

    public EventingBridge start() {
        for (SubscriptionWorker worker : workers) {
            threads.add(Thread.ofPlatform().name("bridge-" + worker.name()).start(worker));
        }
        return this;
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
        deadLetters.close(Duration.ofSeconds(5));
        delivery.close();
    }
}
