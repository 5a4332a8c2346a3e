package com.cinemaabyss.notificationsandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the stand-in received (the last {@link #KEEP} messages, oldest dropped first) and the failures it was told to
 * answer per recipient (a push subscription id or a phone number).
 */
final class Inbox {

    static final int KEEP = 10_000;

    /** One message taken: payload is the decrypted push message (null when the stand-in does not hold the keys) or the SMS text. */
    record Received(String id, String channel, String to, Instant receivedAt, String payload, Map<String, String> details) {
    }

    /** Answer {@code status} to the next {@code times} messages to a recipient (times 0: to every one, until cleared). */
    record Failure(int status, AtomicInteger left) {
    }

    private final List<Received> received = new ArrayList<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    synchronized Received add(String channel, String to, String payload, Map<String, String> details) {
        Received r = new Received(channel + "-" + ids.incrementAndGet(), channel, to, Instant.now(), payload, details);
        if (received.size() >= KEEP) {
            received.removeFirst();
        }
        received.add(r);
        return r;
    }

    synchronized List<Received> list(String to, String channel) {
        return received.stream().filter(r -> to == null || r.to().equals(to)).filter(r -> channel == null || r.channel().equals(channel)).toList();
    }

    void failNext(String to, int status, int times) {
        failures.put(to, new Failure(status, new AtomicInteger(times == 0 ? -1 : times)));
    }

    void clear(String to) {
        failures.remove(to);
    }

    /** The status to answer this message with instead of taking it, or 0 to take it. */
    int failure(String to) {
        Failure f = failures.get(to);
        if (f == null) {
            return 0;
        }
        int left = f.left().getAndUpdate(n -> n > 0 ? n - 1 : n);
        if (left == 0) {
            failures.remove(to, f);
            return 0;
        }
        if (left == 1) {
            failures.remove(to, f);
        }
        return f.status();
    }
}
