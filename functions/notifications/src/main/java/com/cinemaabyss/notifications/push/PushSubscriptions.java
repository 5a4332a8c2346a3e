package com.cinemaabyss.notifications.push;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.notifications.store.PushSubscriptionItem;
import com.fasterxml.jackson.annotation.JsonProperty;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Users' push subscriptions (one per browser endpoint, at most {@link #MAX_PER_USER} a user): stored by the route,
 * read by {@link com.cinemaabyss.notifications.functions.MobileNotifier} for each push, removed when the push service
 * says one is gone (404, 410).
 */
public class PushSubscriptions {

    public static final int MAX_PER_USER = 10;

    /** A subscription as its route shows it (the keys are not shown back). */
    public record View(String id, String endpoint, @JsonProperty("created_at") Instant createdAt) {
    }

    /** A user's subscription request. */
    public record Subscribe(long userId, PushSubscriptionRequest request) {
    }

    private final DynamoDbTable<PushSubscriptionItem> table;
    private final String localStandIn;
    private final Clock clock;

    public PushSubscriptions(DynamoDbTable<PushSubscriptionItem> table, String localStandIn, Clock clock) {
        this.table = table;
        this.localStandIn = localStandIn;
        this.clock = clock;
    }

    public View subscribe(Subscribe s) {
        URI endpoint = s.request().check(localStandIn);
        String id = sha256(endpoint.toString());
        PushSubscriptionItem existing = table.getItem(Key.builder().partitionValue(s.userId()).sortValue(id).build());
        if (existing == null && list(s.userId()).size() >= MAX_PER_USER) {
            throw new InvalidInputException("at most " + MAX_PER_USER + " push subscriptions per user; remove one first");
        }
        PushSubscriptionItem item = new PushSubscriptionItem();
        item.setUserId(s.userId());
        item.setId(id);
        item.setEndpoint(endpoint.toString());
        item.setP256dh(s.request().keys().p256dh());
        item.setAuth(s.request().keys().auth());
        item.setCreatedAt(existing == null ? clock.millis() : existing.getCreatedAt());
        table.putItem(item);
        return view(item);
    }

    public List<View> list(long userId) {
        return table.query(QueryConditional.keyEqualTo(Key.builder().partitionValue(userId).build())).items().stream()
                .limit(MAX_PER_USER + 1L).map(PushSubscriptions::view).toList();
    }

    /** The user's subscriptions with their keys, as the sender needs them. */
    public List<PushSubscriptionItem> targets(long userId) {
        return table.query(QueryConditional.keyEqualTo(Key.builder().partitionValue(userId).build())).items().stream()
                .limit(MAX_PER_USER).toList();
    }

    /** A subscription the push service no longer knows. */
    public void remove(long userId, String id) {
        table.deleteItem(Key.builder().partitionValue(userId).sortValue(id).build());
    }

    private static View view(PushSubscriptionItem item) {
        return new View(item.getId(), item.getEndpoint(), Instant.ofEpochMilli(item.getCreatedAt()));
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
