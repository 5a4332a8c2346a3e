package com.cinemaabyss.profile.store;

import com.cinemaabyss.kit.core.Page;
import com.cinemaabyss.kit.outbox.Outbox;
import com.cinemaabyss.profile.domain.ContinueWatching;
import com.cinemaabyss.profile.domain.Cursors;
import com.cinemaabyss.profile.domain.Episode;
import com.cinemaabyss.profile.domain.Favorite;
import com.cinemaabyss.profile.domain.Rating;
import com.cinemaabyss.profile.domain.TitleState;
import com.cinemaabyss.profile.domain.Watched;
import com.cinemaabyss.profile.events.ProfileEvents;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A profile's favourites, ratings and watch progress. Every change is written with its event in one transaction
 * (through the outbox); a write that changes nothing (a favourite added twice, the same rating again, removing what is
 * not there) fails its condition and publishes nothing.
 */
public class LibraryStore {

    /** Newest-first lists: partition {@code listKey} ({@code <profile>#<list>}), sort {@code at} (epoch millis). */
    public static final String BY_LIST = "by-list";

    private static final String FAV = "fav";
    private static final String RATING = "rating";
    private static final String HISTORY = "history";
    private static final String CONTINUE = "continue";

    private final DynamoDbTable<LibraryItem> table;
    private final Outbox outbox;

    public LibraryStore(DynamoDbTable<LibraryItem> table, Outbox outbox) {
        this.table = table;
        this.outbox = outbox;
    }

    /** Adds a favourite; one already there keeps the time it was added (and no event is sent). */
    public Favorite addFavorite(long profileId, long userId, long titleId, Instant now) {
        LibraryItem item = item(profileId, FAV, titleId, now);
        if (write(tx -> tx.addPutItem(table, TransactPutItemEnhancedRequest.builder(LibraryItem.class).item(item)
                .conditionExpression(absent()).build()), ProfileEvents.favoriteAdded(profileId, userId, titleId, now))) {
            return new Favorite(titleId, now.toString());
        }
        LibraryItem existing = get(profileId, FAV + "#" + titleId).orElse(item);
        return new Favorite(titleId, Instant.ofEpochMilli(existing.getAt()).toString());
    }

    /** Removes a favourite; true if there was one. */
    public boolean removeFavorite(long profileId, long userId, long titleId, Instant now) {
        return remove(profileId, FAV + "#" + titleId, ProfileEvents.favoriteRemoved(profileId, userId, titleId, now));
    }

    /** Sets a rating; the same rating again changes nothing and sends no event. */
    public Rating rate(long profileId, long userId, long titleId, int rating, Instant now) {
        LibraryItem item = item(profileId, RATING, titleId, now);
        item.setRating(rating);
        boolean changed = write(tx -> tx.addPutItem(table, TransactPutItemEnhancedRequest.builder(LibraryItem.class).item(item)
                .conditionExpression(Expression.builder().expression("attribute_not_exists(entry) OR rating <> :r")
                        .expressionValues(Map.of(":r", AttributeValue.fromN(Integer.toString(rating)))).build()).build()),
                ProfileEvents.ratingSet(profileId, userId, titleId, rating, now));
        LibraryItem stored = changed ? item : get(profileId, RATING + "#" + titleId).orElse(item);
        return new Rating(titleId, stored.getRating(), Instant.ofEpochMilli(stored.getAt()).toString());
    }

    public boolean removeRating(long profileId, long userId, long titleId, Instant now) {
        return remove(profileId, RATING + "#" + titleId, ProfileEvents.ratingRemoved(profileId, userId, titleId, now));
    }

    /**
     * Records progress: the history entry of the movie or episode and the title's latest entry (continue watching; a
     * finished movie leaves it), with the event, in one transaction.
     */
    public Watched record(long profileId, long userId, long titleId, Optional<Episode> episode, int positionS, int durationS,
                          boolean finished, Instant now) {
        Long episodeId = episode.map(Episode::id).orElse(null);
        LibraryItem watched = progressItem(profileId, "watch#" + (episodeId != null ? episodeId : titleId), titleId, episode,
                positionS, durationS, finished, now);
        watched.setListKey(profileId + "#" + HISTORY);
        LibraryItem latest = progressItem(profileId, "latest#" + titleId, titleId, episode, positionS, durationS, finished, now);
        if (!(finished && episode.isEmpty())) {
            latest.setListKey(profileId + "#" + CONTINUE);
        }
        outbox.writeAndAnnounce(tx -> {
            tx.addPutItem(table, watched);
            tx.addPutItem(table, latest);
        }, List.of(ProfileEvents.progressRecorded(profileId, userId, titleId, episodeId, positionS, durationS, finished, now)));
        return toWatched(watched);
    }

    /** The profile's rating, favourite and latest progress of one title: three reads by key. */
    public TitleState titleState(long profileId, long titleId) {
        Optional<LibraryItem> rating = get(profileId, RATING + "#" + titleId);
        boolean favorite = get(profileId, FAV + "#" + titleId).isPresent();
        Optional<LibraryItem> latest = get(profileId, "latest#" + titleId);
        return new TitleState(profileId, titleId, rating.map(LibraryItem::getRating).orElse(null), favorite,
                latest.map(LibraryStore::toWatched).orElse(null));
    }

    public Page<Favorite> favorites(long profileId, int limit, String cursor) {
        return page(profileId, FAV, limit, cursor, i -> new Favorite(i.getTitleId(), Instant.ofEpochMilli(i.getAt()).toString()),
                LibraryItem::getTitleId);
    }

    public Page<Rating> ratings(long profileId, int limit, String cursor) {
        return page(profileId, RATING, limit, cursor, i -> new Rating(i.getTitleId(), i.getRating(), Instant.ofEpochMilli(i.getAt()).toString()),
                LibraryItem::getTitleId);
    }

    public Page<Watched> history(long profileId, int limit, String cursor) {
        return page(profileId, HISTORY, limit, cursor, LibraryStore::toWatched,
                i -> i.getEpisodeId() != null ? i.getEpisodeId() : i.getTitleId());
    }

    /** The latest progress of up to {@code scan} titles, most recent first: what continue watching chooses from. */
    public List<ContinueWatching.Latest> latest(long profileId, int scan) {
        List<ContinueWatching.Latest> latest = new ArrayList<>();
        table.index(BY_LIST).query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(profileId + "#" + CONTINUE).build()))
                        .scanIndexForward(false).limit(scan).build())
                .stream().findFirst().ifPresent(page -> page.items().forEach(i -> latest.add(new ContinueWatching.Latest(i.getTitleId(),
                        i.getEpisodeId() == null ? Optional.empty()
                                : Optional.of(new Episode(i.getEpisodeId(), i.getTitleId(), i.getSeason(), i.getNumber())),
                        i.getPositionS(), i.getDurationS(), Boolean.TRUE.equals(i.getFinished()), Instant.ofEpochMilli(i.getAt())))));
        return latest;
    }

    private <T> Page<T> page(long profileId, String list, int limit, String cursor, Function<LibraryItem, T> view,
                             Function<LibraryItem, Long> idOf) {
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(profileId + "#" + list).build()))
                .scanIndexForward(false).limit(limit);
        if (cursor != null) {
            Cursors.Position after = Cursors.parse(cursor);
            String prefix = switch (list) {
                case FAV -> "fav#";
                case RATING -> "rating#";
                default -> "watch#";
            };
            query.exclusiveStartKey(Map.of("profileId", AttributeValue.fromN(Long.toString(profileId)),
                    "entry", AttributeValue.fromS(prefix + after.id()),
                    "listKey", AttributeValue.fromS(profileId + "#" + list),
                    "at", AttributeValue.fromN(Long.toString(after.atMillis()))));
        }
        var page = table.index(BY_LIST).query(query.build()).stream().findFirst();
        List<LibraryItem> items = page.map(p -> p.items()).orElse(List.of());
        boolean more = page.map(p -> p.lastEvaluatedKey() != null && !p.lastEvaluatedKey().isEmpty()).orElse(false);
        String next = more && !items.isEmpty() ? Cursors.of(items.getLast().getAt(), idOf.apply(items.getLast())) : null;
        return new Page<>(items.stream().map(view).toList(), next);
    }

    private boolean remove(long profileId, String entry, Outbox.Announcement event) {
        return write(tx -> tx.addDeleteItem(table, TransactDeleteItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(profileId).sortValue(entry).build())
                .conditionExpression(Expression.builder().expression("attribute_exists(entry)").build()).build()), event);
    }

    /** The change and its event; false (nothing written, nothing sent) when the change's condition failed. */
    private boolean write(java.util.function.Consumer<software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest.Builder> change,
                          Outbox.Announcement event) {
        try {
            outbox.writeAndAnnounce(change, List.of(event));
            return true;
        } catch (TransactionCanceledException e) {
            if (!e.cancellationReasons().isEmpty() && "ConditionalCheckFailed".equals(e.cancellationReasons().getFirst().code())) {
                return false;
            }
            throw e;
        }
    }

    private Optional<LibraryItem> get(long profileId, String entry) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(profileId).sortValue(entry).build()).consistentRead(true)));
    }

    private static Expression absent() {
        return Expression.builder().expression("attribute_not_exists(entry)").build();
    }

    private static LibraryItem item(long profileId, String list, long titleId, Instant now) {
        LibraryItem item = new LibraryItem();
        item.setProfileId(profileId);
        item.setEntry(list + "#" + titleId);
        item.setListKey(profileId + "#" + list);
        item.setAt(now.toEpochMilli());
        item.setTitleId(titleId);
        return item;
    }

    private static LibraryItem progressItem(long profileId, String entry, long titleId, Optional<Episode> episode, int positionS,
                                            int durationS, boolean finished, Instant now) {
        LibraryItem item = new LibraryItem();
        item.setProfileId(profileId);
        item.setEntry(entry);
        item.setAt(now.toEpochMilli());
        item.setTitleId(titleId);
        episode.ifPresent(e -> {
            item.setEpisodeId(e.id());
            item.setSeason(e.season());
            item.setNumber(e.number());
        });
        item.setPositionS(positionS);
        item.setDurationS(durationS);
        item.setFinished(finished);
        return item;
    }

    private static Watched toWatched(LibraryItem i) {
        return new Watched(i.getTitleId(), i.getEpisodeId(), i.getSeason(), i.getNumber(), i.getPositionS(), i.getDurationS(),
                Boolean.TRUE.equals(i.getFinished()), null, Instant.ofEpochMilli(i.getAt()).toString());
    }
}
