package com.cinemaabyss.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Buckets every pod shares, behind a Bucket4j async proxy manager (DynamoDB: {@link DynamoDbProxyManager}). A proxy
 * is kept per key, bounded in number, because Bucket4j's optimisations live in it: with the delaying optimisation a
 * pod takes up to {@link LimitClass#unsynchronizedRequests()} tokens locally, for at most {@code maxUnsynchronizedTime},
 * before it writes to the store; without (classes whose share would be below one request) concurrent requests on a
 * key are still batched into one write.
 */
public final class SharedBucketStore implements BucketStore {

    private final AsyncProxyManager<String> proxies;
    private final Cache<String, AsyncBucketProxy> buckets;
    private final Duration maxUnsynchronizedTime;

    public SharedBucketStore(AsyncProxyManager<String> proxies, int maxCachedKeys, Duration idleAfter,
                             Duration maxUnsynchronizedTime) {
        this.proxies = proxies;
        this.buckets = Caffeine.newBuilder().maximumSize(maxCachedKeys).expireAfterAccess(idleAfter).build();
        this.maxUnsynchronizedTime = maxUnsynchronizedTime;
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, LimitClass limitClass) {
        AsyncBucketProxy bucket = buckets.get(key, k -> proxies.builder()
                .withOptimization(optimization(limitClass))
                .withImplicitConfigurationReplacement(limitClass.version(), TokensInheritanceStrategy.PROPORTIONALLY)
                .build(k, () -> CompletableFuture.completedFuture(limitClass.configuration())));
        return bucket.tryConsumeAndReturnRemaining(1);
    }

    private Optimization optimization(LimitClass limitClass) {
        return limitClass.unsynchronizedRequests() >= 1
                ? Optimizations.delaying(new DelayParameters(limitClass.unsynchronizedRequests(), maxUnsynchronizedTime))
                : Optimizations.batching();
    }
}
