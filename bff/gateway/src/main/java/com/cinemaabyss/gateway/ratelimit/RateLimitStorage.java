package com.cinemaabyss.gateway.ratelimit;

import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The store the settings choose, and the DynamoDB client it needs: one exists when the buckets are shared, or when
 * this gateway creates its table (locally, {@code cinemaabyss.dynamodb.create-tables}), whatever the store.
 */
public final class RateLimitStorage implements AutoCloseable {

    private final DynamoDbAsyncClient dynamo;
    private final BucketStore store;

    public RateLimitStorage(RateLimitSettings settings, GatewayDynamoSettings dynamoSettings) {
        boolean shared = settings.store() == RateLimitSettings.Store.DYNAMODB;
        this.dynamo = shared || dynamoSettings.createTables()
                ? RateLimitStores.client(dynamoSettings.endpoint(), dynamoSettings.region(), settings.shared().callTimeout())
                : null;
        if (dynamoSettings.createTables()) {
            RateLimitTable.ensure(dynamo, dynamoSettings.rateLimitTable());
        }
        this.store = shared ? RateLimitStores.shared(settings, dynamo, dynamoSettings.rateLimitTable()) : RateLimitStores.local(settings);
    }

    public BucketStore store() {
        return store;
    }

    @Override
    public void close() {
        if (dynamo != null) {
            dynamo.close();
        }
    }
}
