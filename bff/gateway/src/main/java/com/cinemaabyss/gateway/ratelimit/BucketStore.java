package com.cinemaabyss.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

import java.util.concurrent.CompletableFuture;

/** Where buckets live: takes one token from the bucket of {@code key}, creating it full when there is none. */
public interface BucketStore {

    CompletableFuture<ConsumptionProbe> tryConsume(String key, LimitClass limitClass);
}
