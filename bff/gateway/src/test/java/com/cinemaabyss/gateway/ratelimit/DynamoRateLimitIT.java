package com.cinemaabyss.gateway.ratelimit;

import com.cinemaabyss.kit.auth.Identity;
import com.cinemaabyss.kit.test.SharedTestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared buckets in DynamoDB Local: one bucket for all gateway pods, and each pod on its own when DynamoDB is down. */
class DynamoRateLimitIT {

    private static final String TABLE = "it-gateway-rate-limits";
    private static final AtomicInteger writes = new AtomicInteger();
    private static DynamoDbAsyncClient dynamo;

    @BeforeAll
    static void table() {
        dynamo = DynamoDbAsyncClient.builder()
                .endpointOverride(SharedTestInfra.dynamoEndpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof PutItemRequest) {
                            writes.incrementAndGet();
                        }
                    }
                }))
                .build();
        RateLimitTable.ensure(dynamo, TABLE);
        RateLimitTable.ensure(dynamo, TABLE); // a second pod finds it there
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    private static RateLimiter pod(RateLimitSettings settings, DynamoDbAsyncClient client) {
        return new RateLimiter(settings, RateLimitStores.of(settings, client, TABLE));
    }

    @Test
    void twoGatewayPodsShareOneBucket() {
        RateLimitSettings settings = Limits.settings(RateLimitSettings.Store.DYNAMODB, 10, 10, 5, 0);
        RateLimiter podA = pod(settings, dynamo);
        RateLimiter podB = pod(settings, dynamo);
        String address = "198.51.100." + System.nanoTime() % 250;
        for (int i = 0; i < 5; i++) {
            RateLimiter pod = i % 2 == 0 ? podA : podB;
            RateLimitResult result = pod.check("/api/movies", Optional.empty(), address).join();
            assertTrue(result.allowed(), "request " + i);
            assertEquals(4 - i, result.remaining(), "the other pod's requests count too");
        }
        assertFalse(podA.check("/api/movies", Optional.empty(), address).join().allowed());
        RateLimitResult denied = podB.check("/api/movies", Optional.empty(), address).join();
        assertFalse(denied.allowed());
        assertTrue(denied.retryAfterSeconds() >= 1);

        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("anonymous:" + address))))
                .join().item();
        long expiresAt = Long.parseLong(item.get("expires_at").n());
        long now = Instant.now().getEpochSecond();
        assertTrue(expiresAt > now && expiresAt <= now + 60 + 60 + 2, "TTL: when the bucket is full again, plus a margin: " + (expiresAt - now));
        assertEquals(TimeToLiveStatus.ENABLED, dynamo.describeTimeToLive(b -> b.tableName(TABLE)).join()
                .timeToLiveDescription().timeToLiveStatus());
    }

    @Test
    void withTheDelayingOptimisationNotEveryRequestIsAWrite() {
        // 100 a minute, a pod may take 20 of them before it writes.
        RateLimitSettings settings = Limits.settings(RateLimitSettings.Store.DYNAMODB, 10, 100, 100, 0.2);
        RateLimiter pod = pod(settings, dynamo);
        String user = "user-" + System.nanoTime();
        int before = writes.get();
        for (int i = 0; i < 40; i++) {
            assertTrue(pod.check("/api/v1/movies", Optional.of(new com.cinemaabyss.kit.auth.Identity(user, java.util.Set.of())), "10.0.0.1")
                    .join().allowed());
        }
        int written = writes.get() - before;
        assertTrue(written >= 1 && written <= 5, "40 requests, " + written + " writes");
    }

    @Test
    void whenDynamoDbIsUnreachableEachPodLimitsOnItsOwn() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RateLimitSettings settings = Limits.settings(RateLimitSettings.Store.DYNAMODB, 10, 10, 3, 0);
        try (DynamoDbAsyncClient unreachable = RateLimitStores.client(URI.create("http://127.0.0.1:" + closedPort), "us-east-1",
                Duration.ofMillis(300))) {
            FallbackBucketStore store = RateLimitStores.shared(settings, unreachable, TABLE);
            RateLimiter pod = new RateLimiter(settings, store);
            for (int i = 0; i < 3; i++) {
                assertTrue(pod.check("/api/movies", Optional.empty(), "10.0.0.1").join().allowed(), "request " + i);
            }
            assertFalse(pod.check("/api/movies", Optional.empty(), "10.0.0.1").join().allowed(), "the pod's own bucket still limits");
            assertEquals(4, store.fallbacks());
            for (int i = 0; i < 3; i++) {
                pod.check("/api/movies", Optional.empty(), "10.0.0." + (10 + i)).join();
            }
            assertEquals(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN, store.state(),
                    "after repeated failures the store is not tried on every request");
        }
    }
}
