package com.cinemaabyss.identity.store;

import com.cinemaabyss.identity.security.Secrets;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Started SSO logins, in DynamoDB so that any replica can finish what another began. A login is taken out exactly
 * once: a delete on the condition that it is there and unexpired, which hands back what it deleted; of two callbacks
 * with one state (a replay, or a race) only one gets it.
 */
public class SsoStateStore {

    /** What a callback needs of the login it finishes. */
    public record Pending(String provider, String codeVerifier, String nonce) {
        @Override
        public String toString() {
            return "Pending[provider=" + provider + "]";
        }
    }

    private final DynamoDbTable<SsoStateItem> table;
    private final Clock clock;

    public SsoStateStore(DynamoDbTable<SsoStateItem> table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    public void save(String state, Pending pending, Duration ttl) {
        Instant now = clock.instant();
        SsoStateItem item = new SsoStateItem();
        item.setStateHash(Secrets.sha256(state));
        item.setProvider(pending.provider());
        item.setCodeVerifier(pending.codeVerifier());
        item.setNonce(pending.nonce());
        item.setCreatedAtMillis(now.toEpochMilli());
        item.setExpiresAt(now.plus(ttl).getEpochSecond());
        table.putItem(item);
    }

    /** The login the state began, removed so it cannot be finished again; empty if unknown, expired or taken already. */
    public Optional<Pending> take(String state) {
        Expression liveOne = Expression.builder()
                .expression("attribute_exists(#state) AND #expires > :now")
                .expressionNames(Map.of("#state", "state", "#expires", "expires_at"))
                .expressionValues(Map.of(":now", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond()))))
                .build();
        try {
            SsoStateItem taken = table.deleteItem(DeleteItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(Secrets.sha256(state)).build()).conditionExpression(liveOne).build());
            return Optional.ofNullable(taken).map(item -> new Pending(item.getProvider(), item.getCodeVerifier(), item.getNonce()));
        } catch (ConditionalCheckFailedException unknownExpiredOrTaken) {
            return Optional.empty();
        }
    }
}
