package com.cinemaabyss.notifications.campaigns;

import com.cinemaabyss.notifications.domain.Channel;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The send rate of each channel's campaigns: a token bucket per channel (Bucket4j), refilled greedily at the configured
 * rate per second up to a small burst. A send takes a token, waiting for one at most {@code maxWait}; a send that gets
 * none in that time is answered 503 and the eventing layer delivers it again later (its backoff spreads the rest).
 * The buckets are per pod: the chart's maxScale bounds the channel's total rate at maxScale times the configured one.
 */
public class ChannelRates {

    /** One channel's rate: {@code perSecond} sends a second on average, at most {@code burst} at once. */
    public record Rate(int perSecond, int burst) {
        public Rate {
            if (perSecond < 1 || perSecond > 10_000 || burst < 1 || burst > perSecond) {
                throw new IllegalArgumentException("a campaign rate needs 1 <= per-second <= 10000 and 1 <= burst <= per-second");
            }
        }
    }

    private final Map<Channel, Bucket> buckets = new EnumMap<>(Channel.class);
    private final Duration maxWait;

    public ChannelRates(Map<Channel, Rate> rates, Duration maxWait) {
        this.maxWait = maxWait;
        rates.forEach((channel, rate) -> buckets.put(channel, Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(rate.burst()).refillGreedy(rate.perSecond(), Duration.ofSeconds(1)).initialTokens(rate.burst())
                        .build())
                .build()));
    }

    /** Whether a send on {@code channel} may go now (after waiting at most maxWait for its turn). */
    public boolean acquire(Channel channel) {
        try {
            return buckets.get(channel).asBlocking().tryConsume(1, maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
