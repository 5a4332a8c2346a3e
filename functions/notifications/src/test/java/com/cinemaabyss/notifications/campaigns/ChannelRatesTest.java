package com.cinemaabyss.notifications.campaigns;

import com.cinemaabyss.notifications.domain.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The campaign rate binds: more senders than the rate allows get their turns spread out, never more than the rate allows. */
class ChannelRatesTest {

    @Test
    void sendersBeyondTheRateWaitTheirTurnAndNoSecondHoldsMoreThanBurstPlusRate() throws Exception {
        int rate = 100;
        int burst = 10;
        ChannelRates rates = new ChannelRates(Map.of(Channel.EMAIL, new ChannelRates.Rate(rate, burst), Channel.SMS, new ChannelRates.Rate(1, 1)),
                Duration.ofSeconds(3));
        List<Long> granted = Collections.synchronizedList(new ArrayList<>());
        try (var senders = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 160; i++) {
                senders.submit(() -> {
                    if (rates.acquire(Channel.EMAIL)) {
                        granted.add(System.nanoTime());
                    }
                });
            }
        }
        assertEquals(160, granted.size(), "each waited its turn within max-wait");
        List<Long> at = new ArrayList<>(granted);
        Collections.sort(at);
        for (int i = 0, j = 0; i < at.size(); i++) {
            while (j < at.size() && at.get(j) < at.get(i) + 1_000_000_000L) {
                j++;
            }
            assertTrue(j - i <= rate + burst, (j - i) + " grants within a second");
        }
        assertTrue(at.getLast() - at.getFirst() >= (160L - burst) * 1_000_000_000L / rate - 20_000_000L,
                "the grants beyond the burst were spread at the rate: " + (at.getLast() - at.getFirst()) / 1_000_000 + " ms");
        // Each channel has its own bucket: the busy email bucket did not touch the SMS one.
        assertTrue(rates.acquire(Channel.SMS));
    }

    @Test
    void aSenderThatCannotGetATokenWithinMaxWaitIsToldNo() {
        ChannelRates rates = new ChannelRates(Map.of(Channel.SMS, new ChannelRates.Rate(1, 1)), Duration.ofMillis(10));
        assertTrue(rates.acquire(Channel.SMS));
        assertFalse(rates.acquire(Channel.SMS), "the next token is a second away, far beyond max-wait: answered 503 and redelivered");
        assertThrows(IllegalArgumentException.class, () -> new ChannelRates.Rate(10, 11), "a burst above the rate is refused");
    }
}
