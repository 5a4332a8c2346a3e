package com.cinemaabyss.identity.security;

import com.cinemaabyss.identity.LoginSettings;
import com.cinemaabyss.kit.core.TooManyRequestsException;
import com.cinemaabyss.kit.test.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final InMemoryCounters counters = new InMemoryCounters();
    private final LoginThrottle throttle = new LoginThrottle(counters,
            new LoginSettings(Duration.ofMinutes(15), 3, Duration.ofMillis(250), Duration.ofSeconds(2), 5, 8), clock);

    @Test
    void failuresFirstSlowTheAccountDownThenLockItUntilTheWindowEnds() {
        LoginThrottle.Keys keys = LoginThrottle.keys("Neo@Matrix.io", "10.0.0.1");
        assertEquals(Duration.ZERO, throttle.before(keys));
        throttle.failed(keys);
        throttle.failed(keys);
        assertEquals(Duration.ZERO, throttle.before(keys), "two failures cost nothing yet");
        throttle.failed(keys);
        assertEquals(Duration.ofMillis(250), throttle.before(keys));
        throttle.failed(keys);
        assertEquals(Duration.ofMillis(500), throttle.before(keys));
        throttle.failed(keys);
        clock.advance(Duration.ofMinutes(5));
        TooManyRequestsException locked = assertThrows(TooManyRequestsException.class, () -> throttle.before(keys));
        assertEquals(600, locked.retryAfterSeconds(), "until the window that started with the first failure ends");
        assertThrows(TooManyRequestsException.class, () -> throttle.before(LoginThrottle.keys("neo@matrix.io ", "10.9.9.9")),
                "the same account from elsewhere, in another case");
        clock.advance(Duration.ofMinutes(10));
        assertEquals(Duration.ZERO, throttle.before(keys), "a new window");
    }

    @Test
    void anAddressGuessingAcrossAccountsIsLockedAtItsOwnLimit() {
        for (int i = 0; i < 8; i++) {
            throttle.failed(LoginThrottle.keys("user" + i + "@example.com", "203.0.113.9"));
        }
        assertThrows(TooManyRequestsException.class, () -> throttle.before(LoginThrottle.keys("fresh@example.com", "203.0.113.9")));
        assertEquals(Duration.ZERO, throttle.before(LoginThrottle.keys("fresh@example.com", "203.0.113.10")));
    }

    @Test
    void successClearsTheAccountButNotTheAddress() {
        LoginThrottle.Keys keys = LoginThrottle.keys("a@example.com", "198.51.100.1");
        for (int i = 0; i < 4; i++) {
            throttle.failed(keys);
        }
        throttle.succeeded(keys);
        assertEquals(4, counters.read(keys.address(), clock.instant()).failures());
        assertEquals(0, counters.read(keys.account(), clock.instant()).failures());
    }

    @Test
    void theDelayIsCappedAndKeysAreBoundedHashes() {
        assertEquals(Duration.ofSeconds(2), throttle.delay(Long.MAX_VALUE));
        LoginThrottle.Keys keys = LoginThrottle.keys("x".repeat(254) + "@example.com", "\u0000evil\r\n");
        assertTrue(keys.account().length() == "account:".length() + 64 && keys.address().length() == "address:".length() + 64);
        assertNotEquals(keys.account(), LoginThrottle.keys("other@example.com", null).account());
    }

    static final class InMemoryCounters implements FailureCounters {
        private final Map<String, Count> counts = new HashMap<>();

        @Override
        public Count read(String key, Instant now) {
            Count count = counts.getOrDefault(key, Count.NONE);
            return count.resetsAt().isAfter(now) ? count : Count.NONE;
        }

        @Override
        public Count increment(String key, Instant now, Duration window) {
            Count current = read(key, now);
            Count next = current.failures() == 0 ? new Count(1, now.plus(window)) : new Count(current.failures() + 1, current.resetsAt());
            counts.put(key, next);
            return next;
        }

        @Override
        public void reset(String key) {
            counts.remove(key);
        }
    }
}
