package com.cinemaabyss.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Buckets in this pod's memory. At most {@code maxKeys} of them; one idle for {@code idleAfter} (longer than any
 * refill period, so it would be full again anyway) is dropped.
 */
public final class LocalBucketStore implements BucketStore {

    private final Cache<String, Bucket> buckets;

    public LocalBucketStore(int maxKeys, Duration idleAfter) {
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(idleAfter).build();
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, LimitClass limitClass) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder().addLimit(limitClass.bandwidth()).build());
        return CompletableFuture.completedFuture(bucket.tryConsumeAndReturnRemaining(1));
    }
}
