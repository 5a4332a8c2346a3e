package com.cinemaabyss.notifications.providers;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Transient failures are retried up to the attempts configured; permanent ones and gone subscriptions never. */
class ProviderRetryTest {

    private final ProviderRetry retry = new ProviderRetry("test", 3, Duration.ofMillis(1), 2.0);

    @Test
    void retriesTransientFailuresThenGivesTheLastOneBack() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("ok", retry.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw ProviderFailure.of("push", 503, true);
            }
            return "ok";
        }));
        assertEquals(3, calls.get());
        calls.set(0);
        ProviderFailure last = assertThrows(ProviderFailure.class, () -> retry.call(() -> {
            calls.incrementAndGet();
            throw ProviderFailure.of("sms", 429, false);
        }));
        assertEquals(ProviderFailure.Kind.TRANSIENT, last.kind());
        assertEquals(3, calls.get());
    }

    @Test
    void neverRetriesPermanentFailures() {
        for (int status : new int[]{400, 403, 404, 410, 413}) {
            AtomicInteger calls = new AtomicInteger();
            ProviderFailure failure = ProviderFailure.of("push", status, true);
            assertSame(failure, assertThrows(ProviderFailure.class, () -> retry.call(() -> {
                calls.incrementAndGet();
                throw failure;
            })));
            assertEquals(1, calls.get(), "status " + status);
            assertEquals(status == 404 || status == 410 ? ProviderFailure.Kind.GONE : ProviderFailure.Kind.PERMANENT, failure.kind());
        }
        assertEquals(ProviderFailure.Kind.PERMANENT, ProviderFailure.of("sms", 404, false).kind(), "404 from an SMS provider is no subscription gone");
    }
}
