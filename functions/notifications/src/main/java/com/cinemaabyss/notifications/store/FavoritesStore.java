package com.cinemaabyss.notifications.store;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * notifications' projections for the new-episode push: which profiles (and so users) have a title in their favourites
 * (from profile-events), and which episodes each series had when the title changelog last showed it.
 */
public class FavoritesStore {

    private final DynamoDbTable<FavoriteItem> favorites;
    private final DynamoDbTable<SeriesItem> series;

    public FavoritesStore(DynamoDbTable<FavoriteItem> favorites, DynamoDbTable<SeriesItem> series) {
        this.favorites = favorites;
        this.series = series;
    }

    /** A favourite added or removed at {@code at}; false when a later change of the same profile and title is stored. */
    public boolean favorite(long profileId, long userId, long titleId, boolean added, Instant at) {
        FavoriteItem item = new FavoriteItem();
        item.setTitleId(titleId);
        item.setProfileId(profileId);
        item.setUserId(userId);
        item.setAt(at.toEpochMilli());
        item.setRemoved(!added);
        try {
            favorites.putItem(PutItemEnhancedRequest.builder(FavoriteItem.class).item(item)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(#at) OR #at <= :at")
                            .expressionNames(Map.of("#at", "at")).expressionValues(Map.of(":at", AttributeValue.fromN(Long.toString(item.getAt()))))
                            .build()).build());
            return true;
        } catch (ConditionalCheckFailedException newer) {
            return false;
        }
    }

    /** The users with the title in the favourites of at least one of their profiles (each once). */
    public Set<Long> fans(long titleId) {
        Set<Long> users = new LinkedHashSet<>();
        favorites.query(QueryConditional.keyEqualTo(Key.builder().partitionValue(titleId).build())).items().forEach(item -> {
            if (!Boolean.TRUE.equals(item.getRemoved())) {
                users.add(item.getUserId());
            }
        });
        return users;
    }

    public Optional<SeriesItem> series(long titleId) {
        return Optional.ofNullable(series.getItem(Key.builder().partitionValue(titleId).build()));
    }

    /** The series' episodes at {@code version}; false when a later version is stored already. */
    public boolean episodes(long titleId, long version, Set<Long> episodeIds) {
        SeriesItem item = new SeriesItem();
        item.setTitleId(titleId);
        item.setVersion(version);
        item.setEpisodeIds(episodeIds.isEmpty() ? null : episodeIds);
        try {
            series.putItem(PutItemEnhancedRequest.builder(SeriesItem.class).item(item)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(version) OR version < :v")
                            .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(version)))).build()).build());
            return true;
        } catch (ConditionalCheckFailedException newer) {
            return false;
        }
    }
}
