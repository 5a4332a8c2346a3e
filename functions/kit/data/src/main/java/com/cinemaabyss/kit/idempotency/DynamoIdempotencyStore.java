package com.cinemaabyss.kit.idempotency;

import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.kit.core.idempotency.Claim;
import com.cinemaabyss.kit.core.idempotency.IdempotencyStore;
import com.cinemaabyss.kit.core.idempotency.StoredResponse;
import com.cinemaabyss.kit.dynamo.TableSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Idempotency keys in a DynamoDB table keyed by {@code id} (the hashed key). An item is claimed by a conditional
 * put and completed by storing the answer on it; {@code expires_at} (epoch seconds) is the table's TTL attribute.
 * DynamoDB deletes expired items only eventually (DynamoDB Local never), so an expired item counts as absent here.
 */
public class DynamoIdempotencyStore implements IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(DynamoIdempotencyStore.class);
    private static final Map<String, String> NAMES = Map.of("#id", "id", "#fingerprint", "fingerprint", "#token", "token",
            "#locked", "locked_until", "#expires", "expires_at", "#status", "response_status", "#type", "content_type", "#body", "body");
    private static final String FREE = "attribute_not_exists(#id) OR #expires < :now"
            + " OR (attribute_not_exists(#status) AND #locked < :nowMillis)";

    private final DynamoDbClient client;
    private final String table;
    private final Duration ttl;
    private final Duration lockTimeout;
    private final Clock clock;

    public DynamoIdempotencyStore(DynamoDbClient client, TableSetup tables, String table, IdempotencySettings settings, Clock clock) {
        this.client = client;
        this.table = table;
        this.ttl = settings.ttl();
        this.lockTimeout = settings.lockTimeout();
        this.clock = clock;
        tables.ensureKeyedByString(table, "id");
    }

    @Override
    public Claim claim(String key, String fingerprint) {
        // A key freed or expired between the failed put and the read is tried again; more than twice means a fight.
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            String token = UUID.randomUUID().toString();
            try {
                client.putItem(b -> b.tableName(table)
                        .item(Map.of("id", s(key), "fingerprint", s(fingerprint), "token", s(token),
                                "locked_until", n(now.plus(lockTimeout).toEpochMilli()),
                                "expires_at", n(now.plus(ttl).getEpochSecond())))
                        .conditionExpression(FREE)
                        .expressionAttributeNames(names("#id", "#expires", "#status", "#locked"))
                        .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond()), ":nowMillis", n(now.toEpochMilli())))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                return new Claim.Acquired(key, token);
            } catch (ConditionalCheckFailedException taken) {
                Map<String, AttributeValue> item = taken.hasItem() ? taken.item() : read(key);
                if (item != null && token.equals(stringOf(item.get("token")))) {
                    // The SDK retried a put whose answer it lost, and the first attempt had landed: the claim is ours.
                    return new Claim.Acquired(key, token);
                }
                if (item != null && !item.isEmpty() && !expired(item, now)) {
                    return existing(item);
                }
            }
        }
        throw new UnavailableException("idempotency key is contended; retry", null);
    }

    @Override
    public void complete(Claim.Acquired claim, StoredResponse response) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":token", s(claim.token()));
        values.put(":status", n(response.status()));
        Map<String, String> names = names("#token", "#status", "#locked");
        StringBuilder set = new StringBuilder("SET #status = :status");
        if (response.contentType() != null) {
            values.put(":type", s(response.contentType()));
            names.putAll(names("#type"));
            set.append(", #type = :type");
        }
        if (response.body().length > 0) {
            values.put(":body", AttributeValue.fromB(SdkBytes.fromByteArray(response.body())));
            names.putAll(names("#body"));
            set.append(", #body = :body");
        }
        try {
            client.updateItem(b -> b.tableName(table).key(Map.of("id", s(claim.key())))
                    .updateExpression(set + " REMOVE #locked")
                    .conditionExpression("#token = :token")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException overtaken) {
            log.warn("An idempotency claim was taken over before its request finished; its answer is not kept");
        }
    }

    @Override
    public void release(Claim.Acquired claim) {
        try {
            client.deleteItem(b -> b.tableName(table).key(Map.of("id", s(claim.key())))
                    .conditionExpression("#token = :token")
                    .expressionAttributeNames(names("#token"))
                    .expressionAttributeValues(Map.of(":token", s(claim.token()))));
        } catch (ConditionalCheckFailedException overtaken) {
            // Someone else holds the key now; theirs to keep.
        }
    }

    private Map<String, AttributeValue> read(String key) {
        return client.getItem(b -> b.tableName(table).key(Map.of("id", s(key))).consistentRead(true)).item();
    }

    private static String stringOf(AttributeValue value) {
        return value == null ? null : value.s();
    }

    private static boolean expired(Map<String, AttributeValue> item, Instant now) {
        AttributeValue expires = item.get("expires_at");
        return expires != null && Long.parseLong(expires.n()) < now.getEpochSecond();
    }

    private static Claim existing(Map<String, AttributeValue> item) {
        String fingerprint = item.get("fingerprint").s();
        AttributeValue status = item.get("response_status");
        if (status == null) {
            return new Claim.InProgress(fingerprint);
        }
        AttributeValue type = item.get("content_type");
        AttributeValue body = item.get("body");
        return new Claim.Completed(fingerprint, new StoredResponse(Integer.parseInt(status.n()),
                type == null ? null : type.s(), body == null ? new byte[0] : body.b().asByteArray()));
    }

    private static Map<String, String> names(String... placeholders) {
        Map<String, String> names = new HashMap<>();
        for (String placeholder : placeholders) {
            names.put(placeholder, NAMES.get(placeholder));
        }
        return names;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
