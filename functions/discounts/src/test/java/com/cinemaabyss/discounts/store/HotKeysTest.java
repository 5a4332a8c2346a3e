package com.cinemaabyss.discounts.store;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HotKeysTest {

    private final HotKeys keys = new HotKeys();
    // Threads of their own: the common pool may have a single worker on a small machine.
    private final Executor threads = Executors.newVirtualThreadPerTaskExecutor();

    @Test
    void workOnOneKeyWaitsForTheWorkBeforeIt() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch letFirstGo = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> keys.oneAtATime("SPRING50", () -> {
            firstInside.countDown();
            await(letFirstGo);
            return "first";
        }), threads);
        assertTrue(firstInside.await(5, TimeUnit.SECONDS));
        AtomicInteger secondRan = new AtomicInteger();
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> keys.oneAtATime("SPRING50", secondRan::incrementAndGet), threads);
        Thread.sleep(200);
        assertFalse(second.isDone(), "the second waits while the first holds the key");
        assertEquals(0, secondRan.get());
        letFirstGo.countDown();
        assertEquals("first", first.get(5, TimeUnit.SECONDS));
        assertEquals(1, second.get(5, TimeUnit.SECONDS));
    }

    @Test
    void workWithoutAKeyDoesNotWait() throws Exception {
        CountDownLatch letGo = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> keys.oneAtATime("SPRING50", () -> {
            await(letGo);
            return null;
        }), threads);
        assertEquals("ran", CompletableFuture.supplyAsync(() -> keys.oneAtATime(null, () -> "ran"), threads).get(5, TimeUnit.SECONDS));
        letGo.countDown();
        holder.get(5, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
