package com.cinemaabyss.recommendations.engine;

import com.cinemaabyss.recommendations.domain.Interaction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Forwards interactions to the engine in batches, off the event's path: consuming an event never waits for the engine,
 * and an engine that is down loses what it missed (counted in {@code recommendations_interactions_total{outcome}}),
 * never the event. The engine is a learner, not a record: the adapter's own tables are the record.
 */
public class InteractionForwarder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InteractionForwarder.class);

    private final EngineClient engine;
    private final BlockingQueue<Interaction> queue;
    private final int batchSize;
    private final Duration flushEvery;
    private final Counter sent;
    private final Counter dropped;
    private final Thread worker;
    private volatile boolean running = true;

    public InteractionForwarder(EngineClient engine, int queueSize, int batchSize, Duration flushEvery, MeterRegistry meters) {
        this.engine = engine;
        this.queue = new LinkedBlockingQueue<>(queueSize);
        this.batchSize = batchSize;
        this.flushEvery = flushEvery;
        this.sent = Counter.builder("recommendations_interactions_total").tag("outcome", "sent").register(meters);
        this.dropped = Counter.builder("recommendations_interactions_total").tag("outcome", "dropped").register(meters);
        this.worker = Thread.ofVirtual().name("engine-forwarder").start(this::run);
    }

    public void offer(Interaction interaction) {
        if (!queue.offer(interaction)) {
            dropped.increment();
        }
    }

    /** Sends everything queued now (an AWS Lambda invocation ends with this: nothing runs between invocations). */
    public void flush() {
        List<Interaction> batch = new ArrayList<>();
        while (queue.drainTo(batch, batchSize) > 0) {
            send(batch);
            batch = new ArrayList<>();
        }
    }

    private void run() {
        while (running) {
            try {
                Interaction first = queue.poll(flushEvery.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Interaction> batch = new ArrayList<>(List.of(first));
                queue.drainTo(batch, batchSize - 1);
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("forwarding interactions failed: {}", e.toString());
            }
        }
    }

    private void send(List<Interaction> batch) {
        if (engine.record(batch)) {
            sent.increment(batch.size());
        } else {
            dropped.increment(batch.size());
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
    }
}
