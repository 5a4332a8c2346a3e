package com.cinemaabyss.platform;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples every subscription's consumer lag on a fixed interval with one admin client, outside the workers, so that
 * the lag of a worker that is dead or stuck on one event still shows (and grows).
 */
final class LagSampler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LagSampler.class);

    private final Admin admin;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("bridge-lag").daemon().factory());

    LagSampler(String bootstrapServers, List<Subscription> subscriptions, List<BridgeMetrics> metrics, Duration interval) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "bridge-lag"));
        timer.scheduleWithFixedDelay(() -> {
            for (int i = 0; i < subscriptions.size(); i++) {
                try {
                    metrics.get(i).lag(ConsumerLags.of(admin, subscriptions.get(i)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    log.debug("subscription={} lag not sampled: {}", subscriptions.get(i).name(), e.toString());
                }
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
