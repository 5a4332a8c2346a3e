package com.cinemaabyss.gateway.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Bucket4j buckets in a DynamoDB table, through Bucket4j's compare-and-swap extension point: one item per key,
 * {@code id} (S) the key, {@code state} (B) the bucket's serialized state, {@code expires_at} (N, epoch seconds) the
 * item's TTL. A write succeeds only if the state is still the one read ({@code attribute_not_exists} for a new
 * bucket); otherwise Bucket4j reads again and retries. The TTL is Bucket4j's expiration strategy: the time the bucket
 * needs to refill to full, after which the item is worth nothing and DynamoDB may delete it.
 */
public final class DynamoDbProxyManager extends AbstractCompareAndSwapBasedProxyManager<String> {

    static final String KEY = "id";
    static final String STATE = "state";
    static final String EXPIRES_AT = "expires_at";

    private final DynamoDbAsyncClient dynamo;
    private final String table;

    public DynamoDbProxyManager(DynamoDbAsyncClient dynamo, String table) {
        super(ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(60))));
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        AsyncCompareAndSwapOperation operation = beginAsyncCompareAndSwapOperation(key);
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return join(operation.getStateData(timeoutNanos));
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                return join(operation.compareAndSwap(originalData, newData, newState, timeoutNanos));
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        Map<String, AttributeValue> itemKey = Map.of(KEY, AttributeValue.fromS(key));
        return new AsyncCompareAndSwapOperation() {
            @Override
            public CompletableFuture<Optional<byte[]>> getStateData(Optional<Long> timeoutNanos) {
                return dynamo.getItem(b -> b.tableName(table).key(itemKey).consistentRead(true).projectionExpression("#s")
                                .expressionAttributeNames(Map.of("#s", STATE)))
                        .thenApply(response -> Optional.ofNullable(response.item()).map(item -> item.get(STATE))
                                .map(state -> state.b().asByteArray()));
            }

            @Override
            public CompletableFuture<Boolean> compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                                             Optional<Long> timeoutNanos) {
                return dynamo.putItem(write(key, originalData, newData, newState))
                        .thenApply(response -> true)
                        .exceptionally(DynamoDbProxyManager::lostTheRace);
            }
        };
    }

    private PutItemRequest write(String key, byte[] originalData, byte[] newData, RemoteBucketState newState) {
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(Map.of(
                KEY, AttributeValue.fromS(key),
                STATE, AttributeValue.fromB(SdkBytes.fromByteArray(newData)),
                EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt(newState)))));
        if (originalData == null) {
            return put.conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", KEY)).build();
        }
        return put.conditionExpression("#s = :original").expressionAttributeNames(Map.of("#s", STATE))
                .expressionAttributeValues(Map.of(":original", AttributeValue.fromB(SdkBytes.fromByteArray(originalData))))
                .build();
    }

    private long expiresAt(RemoteBucketState state) {
        long ttlMillis = getClientSideConfig().getExpirationAfterWriteStrategy().orElseThrow()
                .calculateTimeToLiveMillis(state, currentTimeNanos());
        return (System.currentTimeMillis() + Math.max(ttlMillis, 0)) / 1000 + 1;
    }

    private static Boolean lostTheRace(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ConditionalCheckFailedException) {
            return false;
        }
        throw error instanceof CompletionException completion ? completion : new CompletionException(cause);
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return dynamo.deleteItem(b -> b.tableName(table).key(Map.of(KEY, AttributeValue.fromS(key)))).thenApply(response -> null);
    }

    @Override
    public void removeProxy(String key) {
        join(removeAsync(key));
    }

    @Override
    public boolean isAsyncModeSupported() {
        return true;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }
}
