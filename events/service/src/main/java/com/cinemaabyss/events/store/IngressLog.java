package com.cinemaabyss.events.store;

import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.events.PublishedEvent;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Which CloudEvents (by source and id, the pair the CloudEvents spec makes unique) the ingress has published
 * in the last {@link #WINDOW}, and where Kafka put them, so a producer's retry is acknowledged without being
 * published again.
 */
public class IngressLog {

    public static final Duration WINDOW = Duration.ofDays(7);

    private final DynamoDbTable<IngressItem> table;

    public IngressLog(DynamoDbEnhancedClient client, TableSetup tables, String tableName) {
        this.table = tables.ensure(client.table(tableName, TableSchema.fromBean(IngressItem.class)));
    }

    /** Where the event went the first time, if it was published within the window. */
    public Optional<PublishedEvent> find(String source, String id) {
        IngressItem item;
        try {
            item = table.getItem(GetItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(key(source, id)).build())
                    .consistentRead(true)
                    .build());
        } catch (SdkException e) {
            throw new UnavailableException("ingress log unavailable: could not check whether the event was seen before", e);
        }
        // TTL deletes lazily (up to days late), so an expired item may still be there.
        if (item == null || (item.getExpiresAt() != null && item.getExpiresAt() <= Instant.now().getEpochSecond())) {
            return Optional.empty();
        }
        return Optional.of(new PublishedEvent(item.getTopic(), item.getPartition(), item.getOffset()));
    }

    /** Records where Kafka put the event; false when another delivery of it was recorded first, which then stays. */
    public boolean record(String source, String id, String type, PublishedEvent stored) {
        Instant now = Instant.now();
        IngressItem item = new IngressItem();
        item.setId(key(source, id));
        item.setSource(source);
        item.setEventId(id);
        item.setType(type);
        item.setTopic(stored.topic());
        item.setPartition(stored.partition());
        item.setOffset(stored.offset());
        item.setAcceptedAt(now.toString());
        item.setExpiresAt(now.plus(WINDOW).getEpochSecond());
        try {
            table.putItem(PutItemEnhancedRequest.builder(IngressItem.class)
                    .item(item)
                    .conditionExpression(Expression.builder()
                            .expression("attribute_not_exists(id) OR expires_at <= :now")
                            .putExpressionValue(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))
                            .build())
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * A bounded key whatever the producer sent. A source is a URI reference and holds no newline, so the first
     * newline separates it from the id and no two pairs share an input.
     */
    static String key(String source, String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((source + "\n" + id).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
