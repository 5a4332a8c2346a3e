package com.cinemaabyss.platform;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Waits until subscriptions have committed every record of their topics: then nothing more will be delivered to them. */
final class ConsumerLag {

    private ConsumerLag() {
    }

    static void awaitZero(String bootstrapServers, List<Subscription> subscriptions, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (Subscription subscription : subscriptions) {
                long lag;
                while ((lag = ConsumerLags.of(admin, subscription)) > 0) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(subscription.name() + " still has " + lag + " records to commit after " + timeout);
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

}
