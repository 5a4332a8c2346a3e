package com.cinemaabyss.gateway.ratelimit;

import com.cinemaabyss.kit.auth.Identity;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    private final RateLimitSettings settings = Limits.settings(RateLimitSettings.Store.LOCAL, 2, 5, 3, 0);
    private final RateLimiter limiter = new RateLimiter(settings, RateLimitStores.local(settings));
    private static final Optional<Identity> ALICE = Optional.of(new Identity("alice", Set.of()));
    private static final Optional<Identity> BOB = Optional.of(new Identity("bob", Set.of()));

    private RateLimitResult anonymous(String address) {
        return limiter.check("/api/movies", Optional.empty(), address).join();
    }

    @Test
    void theLimitReachedTheNextRequestIsDeniedWithRetryAfter() {
        for (long remaining = 2; remaining >= 0; remaining--) {
            RateLimitResult result = anonymous("10.0.0.1");
            assertTrue(result.allowed());
            assertEquals(remaining, result.remaining());
            assertEquals(Long.toString(remaining), result.headers().get("RateLimit-Remaining"));
            assertFalse(result.headers().containsKey("Retry-After"));
        }
        RateLimitResult denied = anonymous("10.0.0.1");
        assertFalse(denied.allowed());
        assertEquals("3", denied.headers().get("RateLimit-Limit"));
        assertEquals("0", denied.headers().get("RateLimit-Remaining"));
        assertEquals("3;w=60", denied.headers().get("RateLimit-Policy"));
        // 3 per minute, refilled smoothly: one request back after 20 s, full after a minute.
        long retryAfter = Long.parseLong(denied.headers().get("Retry-After"));
        assertTrue(retryAfter >= 19 && retryAfter <= 20, "Retry-After " + retryAfter);
        long reset = Long.parseLong(denied.headers().get("RateLimit-Reset"));
        assertTrue(reset >= 59 && reset <= 60, "RateLimit-Reset " + reset);
        assertTrue(anonymous("10.0.0.2").allowed(), "another address has its own bucket");
    }

    @Test
    void authenticatedCallersAreLimitedPerUserNotPerAddress() {
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.check("/api/v1/movies", ALICE, "10.0.0." + i).join().allowed());
        }
        assertFalse(limiter.check("/api/v1/movies", ALICE, "10.0.0.99").join().allowed());
        assertTrue(limiter.check("/api/v1/movies", BOB, "10.0.0.1").join().allowed());
        assertTrue(anonymous("10.0.0.1").allowed(), "the user class does not spend the address's anonymous bucket");
    }

    @Test
    void theAuthPathsAreLimitedPerAddressEvenWithAToken() {
        assertTrue(limiter.check("/api/auth/login", ALICE, "10.0.0.1").join().allowed());
        assertTrue(limiter.check("/api/auth/login", BOB, "10.0.0.1").join().allowed());
        RateLimitResult third = limiter.check("/api/auth/login", Optional.empty(), "10.0.0.1").join();
        assertFalse(third.allowed());
        assertEquals("2", third.headers().get("RateLimit-Limit"));
        assertTrue(limiter.check("/api/v1/movies", ALICE, "10.0.0.1").join().allowed());
    }

    @Test
    void exemptPathsTakeNoToken() {
        for (int i = 0; i < 10; i++) {
            RateLimitResult webhook = limiter.check("/api/v1/payments/webhooks/sandbox", Optional.empty(), "10.0.0.9").join();
            assertTrue(webhook.allowed());
            assertEquals(0, webhook.headers().size());
        }
        assertTrue(limiter.check("/api/v1/payments/1", Optional.empty(), "10.0.0.9").join().headers().containsKey("RateLimit-Limit"));
    }

    @Test
    void keysAreBounded() {
        LimitClass anonymous = new LimitClass("anonymous", settings.anonymous(), 0);
        String shortKey = RateLimiter.key(anonymous, "2001:db8::1");
        assertEquals("anonymous:2001:db8::1", shortKey);
        String longKey = RateLimiter.key(anonymous, "x".repeat(10_000));
        assertTrue(longKey.length() <= 80, longKey);
        assertEquals(longKey, RateLimiter.key(anonymous, "x".repeat(10_000)));
        assertFalse(longKey.equals(RateLimiter.key(anonymous, "x".repeat(10_001))));
    }

    @Test
    void switchedOffEverythingGoesThroughWithoutHeaders() {
        RateLimitSettings off = new RateLimitSettings(false, RateLimitSettings.Store.LOCAL, null, null, settings.auth(), settings.user(),
                settings.anonymous(), 10, settings.shared());
        RateLimiter unlimited = new RateLimiter(off, RateLimitStores.local(off));
        for (int i = 0; i < 10; i++) {
            RateLimitResult result = unlimited.check("/api/movies", Optional.empty(), "10.0.0.1").join();
            assertTrue(result.allowed());
            assertEquals(0, result.headers().size());
        }
    }
}
