package com.cinemaabyss.platform;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The local stand-in for Knative's PingSource adapter: fires each schedule of knative/eventing and POSTs a
 * {@value Schedule#PING_TYPE} CloudEvent (the manifest's data and content type, a fresh id, source
 * /apis/v1/namespaces/NS/pingsources/NAME) to the sink, with the bridge's delivery token. With an {@code interval}
 * every schedule fires at that fixed rate instead of its cron, so a test need not wait for minutes.
 * A delivery that fails is logged and counted; the next match tries again, as with Knative (a tick is idempotent).
 */
public final class PingSources implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PingSources.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ping-sources").daemon().factory());
    private final List<Firing> firings = new ArrayList<>();
    private final HttpDelivery delivery;
    private final Duration interval;
    private final Clock clock;

    /** How one schedule is doing. */
    public record Health(String schedule, long fired, long delivered, String lastError) {
    }

    private static final class Firing {
        final Schedule schedule;
        final URI target;
        final AtomicLong fired = new AtomicLong();
        final AtomicLong delivered = new AtomicLong();
        volatile String lastError;

        Firing(Schedule schedule, URI target) {
            this.schedule = schedule;
            this.target = target;
        }
    }

    /** {@code interval} null: each schedule's own cron; otherwise that fixed rate for all of them. */
    public PingSources(List<Schedule> schedules, Function<String, URI> serviceUrl, HttpDelivery delivery, Duration interval, Clock clock) {
        if (interval != null && !interval.isPositive()) {
            throw new IllegalArgumentException("ping interval must be positive, got " + interval);
        }
        this.delivery = delivery;
        this.interval = interval;
        this.clock = clock;
        for (Schedule schedule : schedules) {
            firings.add(new Firing(schedule, serviceUrl.apply(schedule.serviceName()).resolve(schedule.path())));
        }
    }

    public PingSources start() {
        for (Firing firing : firings) {
            if (interval != null) {
                timer.scheduleAtFixedRate(() -> fire(firing), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                scheduleNext(firing);
            }
        }
        log.info("PingSources fire {} schedule(s) {}", firings.size(), interval == null ? "on their cron" : "every " + interval);
        return this;
    }

    public List<Health> health() {
        return firings.stream().map(f -> new Health(f.schedule.name(), f.fired.get(), f.delivered.get(), f.lastError)).toList();
    }

    /** The CloudEvent Knative's adapter sends for {@code schedule} at {@code time}. */
    static CloudEvent ping(Schedule schedule, OffsetDateTime time) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/apis/v1/namespaces/" + schedule.namespace() + "/pingsources/" + schedule.name()))
                .withType(Schedule.PING_TYPE)
                .withTime(time);
        if (schedule.data() != null) {
            event.withDataContentType(schedule.contentType()).withData(schedule.data().getBytes(StandardCharsets.UTF_8));
        }
        return event.build();
    }

    private void scheduleNext(Firing firing) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = firing.schedule.next(now);
        long delay = Math.max(0, Duration.between(now, next).toMillis());
        timer.schedule(() -> {
            fire(firing);
            scheduleNext(firing);
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void fire(Firing firing) {
        firing.fired.incrementAndGet();
        try {
            HttpDelivery.Outcome outcome = delivery.deliver(firing.target, ping(firing.schedule, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))));
            if (outcome.delivered()) {
                firing.delivered.incrementAndGet();
            } else {
                firing.lastError = outcome.describe();
                log.warn("schedule={} could not deliver to {}: {}", firing.schedule.name(), firing.target, outcome.describe());
            }
        } catch (RuntimeException e) {
            // A failed ping must not end the schedule: the executor drops a task that throws.
            firing.lastError = e.toString();
            log.warn("schedule={} failed: {}", firing.schedule.name(), e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delivery.close();
    }
}
