package com.cinemaabyss.platform;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BridgeMetricsTest {

    @Test
    void theRunningGaugeOutlivesAGarbageCollection() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicBoolean running = new AtomicBoolean(true);
        // A capturing lambda, as the worker passes: only the gauge refers to it.
        new BridgeMetrics(registry, "test", running::get);
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        assertEquals(1.0, registry.get(BridgeMetrics.RUNNING).tag("subscription", "test").gauge().value());
        running.set(false);
        assertEquals(0.0, registry.get(BridgeMetrics.RUNNING).tag("subscription", "test").gauge().value());
    }
}
