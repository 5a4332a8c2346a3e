package com.cinemaabyss.recommendations.store;

import com.cinemaabyss.recommendations.domain.Signal;
import com.cinemaabyss.recommendations.domain.Viewer;
import com.cinemaabyss.recommendations.domain.ViewerTitle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each profile did with titles (see {@link ViewerItem}). Every write is idempotent: "viewed" and "finished" only
 * ever become true (a title finished once stays finished), a favourite or a rating is written only if the event is not
 * older than the one that wrote the stored value (so a late redelivery cannot undo a newer change), and a profile's
 * account is written once (an event naming another account for a known profile is ignored and logged).
 */
public class ViewerStore {

    private static final Logger log = LoggerFactory.getLogger(ViewerStore.class);
    /** A profile's partition is read in one page: its owner and at most this many titles (its most active profile's life). */
    static final int MAX_TITLES = 1_000;
    static final String OWNER = "owner";

    private final DynamoDbClient client;
    private final String table;

    public ViewerStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** False when the signal names no profile, or a profile of another account (it then counts for the title only). */
    public boolean apply(Signal signal) {
        if (signal.profileId() == null || !claim(signal.userId(), signal.profileId())) {
            return false;
        }
        Map<String, String> names = new HashMap<>(Map.of("#t", "titleId"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":t", AttributeValue.fromN(Long.toString(signal.titleId()))));
        String update;
        String condition = null;
        switch (signal.kind()) {
            case PLAYBACK -> update = "SET #t = :t, viewed = :true";
            case PROGRESS -> update = signal.on() ? "SET #t = :t, viewed = :true, finished = :true" : "SET #t = :t, viewed = :true";
            case FAVORITE -> {
                update = "SET #t = :t, favorite = :on, favAt = :at";
                values.put(":on", AttributeValue.fromBool(signal.on()));
                condition = "attribute_not_exists(favAt) OR favAt <= :at";
            }
            case RATING -> {
                update = "SET #t = :t, rating = :r, ratingAt = :at";
                values.put(":r", AttributeValue.fromN(Integer.toString(signal.rating())));
                condition = "attribute_not_exists(ratingAt) OR ratingAt <= :at";
            }
            default -> throw new IllegalStateException("unknown signal " + signal.kind());
        }
        if (update.contains(":true")) {
            values.put(":true", AttributeValue.fromBool(true));
        }
        if (condition != null) {
            values.put(":at", AttributeValue.fromN(Long.toString(signal.at().toEpochMilli())));
        }
        String finalUpdate = update;
        String finalCondition = condition;
        try {
            client.updateItem(b -> b.tableName(table)
                    .key(Map.of("viewer", profileKey(signal.profileId()), "entry", AttributeValue.fromS("t#" + signal.titleId())))
                    .updateExpression(finalUpdate).conditionExpression(finalCondition)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException older) {
            // A newer favourite or rating of this title is stored: this one is history.
        }
        return true;
    }

    /** Records the profile's account (once) and lists the profile under the account; false when it is another account's. */
    private boolean claim(long userId, long profileId) {
        try {
            client.putItem(b -> b.tableName(table)
                    .item(Map.of("viewer", profileKey(profileId), "entry", AttributeValue.fromS(OWNER), "ownerId", AttributeValue.fromN(Long.toString(userId))))
                    .conditionExpression("attribute_not_exists(ownerId) OR ownerId = :u")
                    .expressionAttributeValues(Map.of(":u", AttributeValue.fromN(Long.toString(userId)))));
        } catch (ConditionalCheckFailedException other) {
            log.warn("profile {} belongs to another account than the {} an event named: the event counts for the title only", profileId, userId);
            return false;
        }
        client.putItem(b -> b.tableName(table).item(Map.of("viewer", AttributeValue.fromS("u#" + userId),
                "entry", AttributeValue.fromS("p#" + "%016d".formatted(profileId)))));
        return true;
    }

    /** The profile as the events describe it (its owner null when none named it). */
    public Viewer viewer(long profileId) {
        QueryResponse page = client.query(b -> b.tableName(table).keyConditionExpression("viewer = :v")
                .expressionAttributeValues(Map.of(":v", profileKey(profileId))).limit(MAX_TITLES + 1));
        Long owner = null;
        List<ViewerTitle> titles = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            String entry = item.get("entry").s();
            if (OWNER.equals(entry)) {
                owner = Long.parseLong(item.get("ownerId").n());
            } else if (entry.startsWith("t#")) {
                titles.add(new ViewerTitle(Long.parseLong(item.get("titleId").n()), bool(item, "viewed"), bool(item, "finished"),
                        bool(item, "favorite"), item.containsKey("rating") ? Integer.parseInt(item.get("rating").n()) : 0));
            }
        }
        return new Viewer(profileId, owner, List.copyOf(titles));
    }

    /** The account's first profile the events named (the lowest id: profile's default profile is its first). */
    public Optional<Long> firstProfile(long userId) {
        return client.query(b -> b.tableName(table).keyConditionExpression("viewer = :v")
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("u#" + userId))).limit(1))
                .items().stream().findFirst().map(item -> Long.parseLong(item.get("entry").s().substring(2)));
    }

    private static boolean bool(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) && Boolean.TRUE.equals(item.get(name).bool());
    }

    private static AttributeValue profileKey(long profileId) {
        return AttributeValue.fromS("p#" + profileId);
    }
}
