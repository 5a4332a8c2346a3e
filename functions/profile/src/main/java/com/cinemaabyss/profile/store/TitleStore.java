package com.cinemaabyss.profile.store;

import com.cinemaabyss.profile.domain.Episode;
import com.cinemaabyss.profile.events.TitleChange;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Map;
import java.util.Optional;

/**
 * The series structure from the title changelog: per title its kind and version, per episode its series, season, number
 * and order. Applying a change is idempotent and ignores versions older than the stored one: the title item is written
 * only if its version is not newer, then each episode only if its series version is not newer, then the episodes the
 * change no longer lists are deleted (only if an older version wrote them). A redelivery of the same version rewrites
 * the same items; a crash in between is repaired by the redelivery.
 */
public class TitleStore {

    public static final String EPISODES_BY_SERIES = "episodes-by-series";

    private final DynamoDbTable<TitleItem> table;

    public TitleStore(DynamoDbTable<TitleItem> table) {
        this.table = table;
    }

    /** Applies {@code change}; false when a newer version of the title is stored already. */
    public boolean apply(TitleChange change) {
        TitleItem title = new TitleItem();
        title.setId(change.id());
        title.setKind(change.kind());
        title.setVersion(change.version());
        try {
            table.putItem(PutItemEnhancedRequest.builder(TitleItem.class).item(title).conditionExpression(notNewer("version", change.version())).build());
        } catch (ConditionalCheckFailedException older) {
            return false;
        }
        for (Episode episode : change.episodes()) {
            TitleItem item = new TitleItem();
            item.setId(episode.id());
            item.setKind("episode");
            item.setSeriesId(change.id());
            item.setSeason(episode.season());
            item.setNumber(episode.number());
            item.setOrd(episode.order());
            item.setSeriesVersion(change.version());
            try {
                table.putItem(PutItemEnhancedRequest.builder(TitleItem.class).item(item).conditionExpression(notNewer("seriesVersion", change.version())).build());
            } catch (ConditionalCheckFailedException newer) {
                // A newer version of the series wrote this episode meanwhile.
            }
        }
        table.index(EPISODES_BY_SERIES).query(QueryConditional.keyEqualTo(Key.builder().partitionValue(change.id()).build()))
                .forEach(page -> page.items().stream().filter(item -> item.getSeriesVersion() < change.version()).forEach(stale -> {
                    try {
                        table.deleteItem(DeleteItemEnhancedRequest.builder().key(Key.builder().partitionValue(stale.getId()).build())
                                .conditionExpression(Expression.builder().expression("seriesVersion < :v")
                                        .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(change.version())))).build())
                                .build());
                    } catch (ConditionalCheckFailedException rewritten) {
                        // Written again by this or a newer version: it stays.
                    }
                }));
        return true;
    }

    public Optional<Episode> episode(long episodeId) {
        TitleItem item = table.getItem(Key.builder().partitionValue(episodeId).build());
        return item == null || item.getSeriesId() == null ? Optional.empty()
                : Optional.of(new Episode(item.getId(), item.getSeriesId(), item.getSeason(), item.getNumber()));
    }

    /** The episode after {@code episode} in its series, across seasons; empty after the last. */
    public Optional<Episode> next(Episode episode) {
        return table.index(EPISODES_BY_SERIES).query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortGreaterThan(Key.builder().partitionValue(episode.seriesId()).sortValue(episode.order()).build()))
                        .scanIndexForward(true).limit(1).build())
                .stream().flatMap(page -> page.items().stream()).findFirst()
                .map(item -> new Episode(item.getId(), item.getSeriesId(), item.getSeason(), item.getNumber()));
    }

    private static Expression notNewer(String attribute, long version) {
        return Expression.builder().expression("attribute_not_exists(id) OR #v <= :v")
                .expressionNames(Map.of("#v", attribute))
                .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(version)))).build();
    }
}
