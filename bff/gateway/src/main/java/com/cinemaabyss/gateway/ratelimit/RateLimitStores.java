package com.cinemaabyss.gateway.ratelimit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;

/** The stores of the settings, and the DynamoDB client of the shared one. */
public final class RateLimitStores {

    private RateLimitStores() {
    }

    /** The store {@code settings.store()} names; {@code dynamo} is only used (and may only be null) for the other one. */
    public static BucketStore of(RateLimitSettings settings, DynamoDbAsyncClient dynamo, String table) {
        return settings.store() == RateLimitSettings.Store.DYNAMODB ? shared(settings, dynamo, table) : local(settings);
    }

    public static LocalBucketStore local(RateLimitSettings settings) {
        return new LocalBucketStore(settings.maxLocalKeys(), idleAfter(settings));
    }

    /** DynamoDB, falling back to this pod's buckets while DynamoDB fails. */
    public static FallbackBucketStore shared(RateLimitSettings settings, DynamoDbAsyncClient dynamo, String table) {
        RateLimitSettings.Shared shared = settings.shared();
        SharedBucketStore store = new SharedBucketStore(new DynamoDbProxyManager(dynamo, table).asAsync(),
                shared.maxCachedKeys(), idleAfter(settings), shared.maxUnsynchronizedTime());
        return new FallbackBucketStore(store, local(settings), shared.retryAfterFailure());
    }

    /**
     * An async client on Netty (no blocking HTTP client in the gateway), each call bounded by {@code callTimeout} and
     * not retried: a rate-limit check that is late is worth less than the local fallback. With an endpoint (DynamoDB
     * Local) fixed credentials; without, AWS and the default credentials chain.
     */
    public static DynamoDbAsyncClient client(URI endpoint, String region, Duration callTimeout) {
        DynamoDbAsyncClientBuilder builder = DynamoDbAsyncClient.builder()
                // The call timeouts bound the rate-limit calls; the transport's own are loose enough for table setup.
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(64)
                        .connectionTimeout(callTimeout).readTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(callTimeout.multipliedBy(2)).apiCallAttemptTimeout(callTimeout)
                        .retryStrategy(b -> b.maxAttempts(1)).build())
                .region(Region.of(region));
        if (endpoint != null && !endpoint.toString().isBlank()) {
            builder.endpointOverride(endpoint)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    /** Longer than any class needs to refill: an idle bucket would be full again, so it can go. */
    private static Duration idleAfter(RateLimitSettings settings) {
        return Stream.of(settings.auth(), settings.user(), settings.anonymous()).map(RateLimitSettings.Limit::period)
                .max(Duration::compareTo).orElseThrow().multipliedBy(2);
    }
}
