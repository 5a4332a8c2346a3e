package com.cinemaabyss.recommendations.store;

import com.cinemaabyss.recommendations.domain.Title;
import com.cinemaabyss.recommendations.events.EventReader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The titles' projection (from title-changes) and their popularity (from the signals). A change is applied only if its
 * version is not older than the stored one (a redelivery rewrites the same values); popularity is added with ADD, once
 * per event (the caller's ledger sees to that), and survives every change of the title.
 */
public class TitleStore {

    public static final String BY_POPULARITY = "by-popularity";
    static final String PUBLISHED = "published";

    private final DynamoDbClient client;
    private final String table;

    public TitleStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** False when a newer version of the title is stored already. */
    public boolean apply(EventReader.TitleChange change) {
        Title title = change.title();
        Map<String, String> names = Map.of("#n", "name", "#g", "genres", "#v", "version", "#p", "popularity", "#l", "listing");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":n", AttributeValue.fromS(title.name()),
                ":g", AttributeValue.fromL(title.genres().stream().map(AttributeValue::fromS).toList()),
                ":v", AttributeValue.fromN(Long.toString(change.version())),
                ":zero", AttributeValue.fromN("0")));
        String set = "SET #n = :n, #g = :g, #v = :v, #p = if_not_exists(#p, :zero)";
        if (title.published()) {
            values.put(":l", AttributeValue.fromS(PUBLISHED));
        }
        String update = title.published() ? set + ", #l = :l" : set + " REMOVE #l";
        try {
            client.updateItem(b -> b.tableName(table).key(key(title.id())).updateExpression(update)
                    .conditionExpression("attribute_not_exists(#v) OR #v <= :v")
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException newer) {
            return false;
        }
    }

    /** The update adding {@code weight} to a title's popularity, for a transaction with the ledger. */
    Update addPopularity(long titleId, double weight) {
        return Update.builder().tableName(table).key(key(titleId)).updateExpression("ADD #p :w")
                .expressionAttributeNames(Map.of("#p", "popularity"))
                .expressionAttributeValues(Map.of(":w", AttributeValue.fromN(number(weight)))).build();
    }

    public Optional<Double> popularity(long titleId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(key(titleId)).consistentRead(true)).item();
        return item == null || !item.containsKey("popularity") ? Optional.empty() : Optional.of(Double.parseDouble(item.get("popularity").n()));
    }

    /** At most {@code limit} published titles, most popular first. */
    public List<Title> popular(int limit) {
        List<Title> out = new ArrayList<>();
        client.query(b -> b.tableName(table).indexName(BY_POPULARITY).keyConditionExpression("#l = :l")
                        .expressionAttributeNames(Map.of("#l", "listing"))
                        .expressionAttributeValues(Map.of(":l", AttributeValue.fromS(PUBLISHED)))
                        .scanIndexForward(false).limit(limit))
                .items().forEach(item -> out.add(title(item)));
        return out;
    }

    /** The titles of {@code ids} the projection knows (published or not), by id; ids it never saw are absent. */
    public Map<Long, Title> titles(java.util.Collection<Long> ids) {
        Map<Long, Title> out = new HashMap<>();
        List<Long> all = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + 100)).stream().map(TitleStore::key).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            for (int attempt = 0; !request.isEmpty() && attempt < 5; attempt++) {
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(pending));
                response.responses().getOrDefault(table, List.of()).stream().filter(item -> item.containsKey("name"))
                        .forEach(item -> out.put(Long.parseLong(item.get("id").n()), title(item)));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return out;
    }

    private static Title title(Map<String, AttributeValue> item) {
        List<String> genres = item.containsKey("genres") ? item.get("genres").l().stream().map(AttributeValue::s).toList() : List.of();
        return new Title(Long.parseLong(item.get("id").n()), item.containsKey("name") ? item.get("name").s() : "",
                genres, item.containsKey("listing"));
    }

    static Map<String, AttributeValue> key(long titleId) {
        return Map.of("id", AttributeValue.fromN(Long.toString(titleId)));
    }

    static String number(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(20)).stripTrailingZeros().toString();
    }
}
