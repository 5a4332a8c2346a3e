package com.cinemaabyss.kit.idempotency;

import com.cinemaabyss.kit.core.idempotency.Claim;
import com.cinemaabyss.kit.core.idempotency.StoredResponse;
import com.cinemaabyss.kit.dynamo.LostAnswers;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.test.MutableClock;
import com.cinemaabyss.kit.test.SharedTestInfra;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The idempotency store against DynamoDB Local, with a clock the test moves. */
class DynamoIdempotencyStoreIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final DynamoDbClient client = DynamoDbClient.builder()
            .endpointOverride(SharedTestInfra.dynamoEndpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build();
    private final String table = "idempotency-" + UUID.randomUUID();
    private final DynamoIdempotencyStore store = new DynamoIdempotencyStore(client, new TableSetup(client, true), table,
            new IdempotencySettings(Duration.ofHours(24), Duration.ofSeconds(60)), clock);

    @Test
    void aClaimedKeyIsInProgressThenReplaysItsAnswer() {
        Claim.Acquired first = assertInstanceOf(Claim.Acquired.class, store.claim("k1", "f1"));
        assertEquals(new Claim.InProgress("f1"), store.claim("k1", "f1"));
        byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        store.complete(first, new StoredResponse(201, "application/json", body));

        Claim.Completed again = assertInstanceOf(Claim.Completed.class, store.claim("k1", "f1"));
        assertEquals("f1", again.fingerprint());
        assertEquals(201, again.response().status());
        assertEquals("application/json", again.response().contentType());
        assertArrayEquals(body, again.response().body());
        long expiresAt = Long.parseLong(item("k1").get("expires_at").n());
        assertEquals(clock.instant().plus(Duration.ofHours(24)).getEpochSecond(), expiresAt);
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        Claim.Acquired first = assertInstanceOf(Claim.Acquired.class, store.claim("k2", "f"));
        store.release(first);
        assertInstanceOf(Claim.Acquired.class, store.claim("k2", "f"));
    }

    @Test
    void anExpiredKeyIsAbsentEvenBeforeDynamoDbDeletesIt() {
        Claim.Acquired first = assertInstanceOf(Claim.Acquired.class, store.claim("k3", "f"));
        store.complete(first, new StoredResponse(201, null, new byte[0]));
        clock.advance(Duration.ofHours(25));
        assertInstanceOf(Claim.Acquired.class, store.claim("k3", "other"));
    }

    @Test
    void aClaimWhoseRequestDiedIsTakenOverAfterTheLockTimeout() {
        Claim.Acquired dead = assertInstanceOf(Claim.Acquired.class, store.claim("k4", "f"));
        clock.advance(Duration.ofSeconds(61));
        Claim.Acquired retry = assertInstanceOf(Claim.Acquired.class, store.claim("k4", "f"));
        assertNotEquals(dead.token(), retry.token());
        // The dead request's late answer does not overwrite the retry's claim, nor its release free the key.
        store.complete(dead, new StoredResponse(201, null, new byte[0]));
        store.release(dead);
        assertEquals(new Claim.InProgress("f"), store.claim("k4", "f"));
    }

    @Test
    void aClaimWhosePutTheSdkSentAgainAfterLosingTheAnswerIsStillOurs() {
        DynamoIdempotencyStore retrying = new DynamoIdempotencyStore(LostAnswers.sendingEveryPutTwice(client), new TableSetup(client, true),
                table, new IdempotencySettings(Duration.ofHours(24), Duration.ofSeconds(60)), clock);
        Claim.Acquired claim = assertInstanceOf(Claim.Acquired.class, retrying.claim("k5", "f"));
        assertEquals(new Claim.InProgress("f"), store.claim("k5", "f"), "another request with the key waits for ours");
        retrying.complete(claim, new StoredResponse(202, null, new byte[0]));
        assertEquals(202, assertInstanceOf(Claim.Completed.class, store.claim("k5", "f")).response().status());
    }

    private Map<String, AttributeValue> item(String key) {
        return client.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(key))).consistentRead(true)).item();
    }
}
