package com.cinemaabyss.identity.store;

import com.cinemaabyss.identity.security.SigningKeyStore;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.List;

/** The signing keys in DynamoDB. The table is small (a key per rotation period, expired ones removed by TTL), so it is read whole. */
public class DynamoSigningKeyStore implements SigningKeyStore {

    private final DynamoDbTable<SigningKeyItem> table;

    public DynamoSigningKeyStore(DynamoDbTable<SigningKeyItem> table) {
        this.table = table;
    }

    @Override
    public List<StoredKey> all() {
        return table.scan(r -> r.consistentRead(true)).items().stream()
                .map(item -> new StoredKey(item.getKid(), item.getJwk(), Instant.ofEpochMilli(item.getCreatedAtMillis())))
                .toList();
    }

    @Override
    public boolean createIfAbsent(StoredKey key, Instant expiresAt) {
        SigningKeyItem item = new SigningKeyItem();
        item.setKid(key.kid());
        item.setJwk(key.jwk());
        item.setCreatedAtMillis(key.createdAt().toEpochMilli());
        item.setExpiresAt(expiresAt.getEpochSecond());
        try {
            table.putItem(PutItemEnhancedRequest.builder(SigningKeyItem.class).item(item)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(kid)").build()).build());
            return true;
        } catch (ConditionalCheckFailedException anotherReplicaWasFirst) {
            return false;
        }
    }
}
