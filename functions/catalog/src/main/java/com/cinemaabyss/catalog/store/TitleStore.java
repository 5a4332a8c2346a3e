package com.cinemaabyss.catalog.store;

import com.cinemaabyss.catalog.domain.Episode;
import com.cinemaabyss.catalog.domain.EpisodeDraft;
import com.cinemaabyss.catalog.domain.Movie;
import com.cinemaabyss.catalog.domain.Provider;
import com.cinemaabyss.catalog.domain.Rating;
import com.cinemaabyss.catalog.domain.Season;
import com.cinemaabyss.catalog.domain.SeasonDraft;
import com.cinemaabyss.catalog.domain.Title;
import com.cinemaabyss.catalog.domain.TitleDraft;
import com.cinemaabyss.catalog.events.TitleChangelog;
import com.cinemaabyss.kit.core.ConflictException;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.kit.outbox.Outbox;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The catalog's titles. Every change is one DynamoDB transaction: the title (conditional on the version it was read at),
 * any feed keys, and the changelog event in the outbox, so the changelog never misses a change nor announces one that
 * was not stored.
 */
public class TitleStore implements MovieMirror {

    /** A title is one item; DynamoDB's limit is 400 KB, so a larger one is refused before it is tried. */
    static final int MAX_DOCUMENT_BYTES = 350_000;

    private final KeyedTable<TitleItem> titles;
    private final DynamoDbTable<FeedKeyItem> feedKeys;
    private final TitleIds ids;
    private final Outbox outbox;
    private final Clock clock;

    public TitleStore(KeyedTable<TitleItem> titles, DynamoDbTable<FeedKeyItem> feedKeys, TitleIds ids, Outbox outbox, Clock clock) {
        this.titles = titles;
        this.feedKeys = feedKeys;
        this.ids = ids;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A stored title and what it was read at. */
    public record Stored(Title title, long version, Map<String, Long> episodeKeys) {
    }

    /** What a change did: the title as it is now, and whether anything was written (a same-content change writes nothing). */
    public record Outcome(Title title, boolean changed) {
    }

    public Optional<Stored> find(long id) {
        return titles.get(id).map(item -> new Stored(Documents.fromJson(item.getDocument(), Title.class), item.getVersion(),
                item.getEpisodeKeys() == null ? Map.of() : item.getEpisodeKeys()));
    }

    /** A published title; withdrawn and unknown ones are not found. */
    public Title published(long id) {
        return find(id).map(Stored::title).filter(title -> !title.withdrawn())
                .orElseThrow(() -> new NotFoundException("title " + id + " not found"));
    }

    public Title create(TitleDraft draft) {
        long id = ids.next();
        Built built = build(id, draft, null, Map.of(), 1, null);
        write(built, null, List.of());
        return built.title();
    }

    /** Replaces a published title's content; episodes keep their ids by season and episode number. */
    public Title update(long id, TitleDraft draft) {
        Stored current = find(id).filter(stored -> !stored.title().withdrawn())
                .orElseThrow(() -> new NotFoundException("title " + id + " not found"));
        Outcome outcome = change(current, draft, current.title().provider(), current.title().status(), List.of());
        return outcome.title();
    }

    public Title withdraw(long id) {
        Stored current = find(id).filter(stored -> !stored.title().withdrawn())
                .orElseThrow(() -> new NotFoundException("title " + id + " not found"));
        Title was = current.title();
        Title withdrawn = new Title(was.id(), was.kind(), Title.WITHDRAWN, was.title(), was.originalTitle(), was.description(),
                was.genres(), was.countries(), was.originalLanguage(), was.releaseYear(), was.ageRating(), was.runtimeMin(),
                was.images(), was.people(), was.seasons(), was.rating(), was.provider(), List.of(), current.version() + 1, now());
        write(new Built(withdrawn, current.episodeKeys()), current.version(), List.of());
        return withdrawn;
    }

    /**
     * A provider's item: the title its {@code provider/external_id} names, or a new one (the link is written with
     * {@code attribute_not_exists}, so two concurrent first deliveries cannot make two titles: the loser's transaction
     * is cancelled and it retries as an update). {@code eventKey} marks the CloudEvent applied in the same transaction.
     */
    public Outcome applyProviderItem(Provider provider, TitleDraft draft, String eventKey) {
        for (int attempt = 1; ; attempt++) {
            try {
                Optional<Long> linked = linkedTitle(provider);
                if (linked.isEmpty()) {
                    long id = ids.next();
                    Built built = build(id, draft, provider, Map.of(), 1, Title.PUBLISHED);
                    write(built, null, keys(link(provider, id), mark(eventKey)));
                    return new Outcome(built.title(), true);
                }
                Stored current = find(linked.get()).orElseThrow(() -> new IllegalStateException("feed key of " + provider.key()
                        + " names title " + linked.get() + " which is not stored"));
                return change(current, draft, provider, Title.PUBLISHED, keys(mark(eventKey)));
            } catch (TransactionCanceledException | ConflictException raced) {
                if (seen(eventKey)) {
                    return new Outcome(find(linkedTitle(provider).orElseThrow()).orElseThrow().title(), false);
                }
                if (attempt >= 5) {
                    throw new ConflictException("title of " + provider.key() + " kept changing concurrently; retry");
                }
            }
        }
    }

    /** Withdraws a provider's title: status withdrawn, no offered licences. Unknown items and repeats change nothing. */
    public Optional<Outcome> withdrawProviderItem(Provider provider, String eventKey) {
        Optional<Long> linked = linkedTitle(provider);
        if (linked.isEmpty()) {
            return Optional.empty();
        }
        for (int attempt = 1; ; attempt++) {
            Stored current = find(linked.get()).orElseThrow();
            Title was = current.title();
            if (was.withdrawn()) {
                return Optional.of(new Outcome(was, false));
            }
            Title withdrawn = new Title(was.id(), was.kind(), Title.WITHDRAWN, was.title(), was.originalTitle(), was.description(),
                    was.genres(), was.countries(), was.originalLanguage(), was.releaseYear(), was.ageRating(), was.runtimeMin(),
                    was.images(), was.people(), was.seasons(), was.rating(), was.provider(), List.of(), current.version() + 1, now());
            try {
                write(new Built(withdrawn, current.episodeKeys()), current.version(), keys(mark(eventKey)));
                return Optional.of(new Outcome(withdrawn, true));
            } catch (TransactionCanceledException | ConflictException raced) {
                if (seen(eventKey) || attempt >= 5) {
                    return Optional.of(new Outcome(find(linked.get()).orElseThrow().title(), false));
                }
            }
        }
    }

    /**
     * A title's new viewers' rating, as writes to add to the caller's transaction: the title at its next version
     * (conditional on the version read, so a concurrent change of the title cancels the transaction) and its changelog
     * event. Empty when no such title is stored; withdrawn titles keep their rating up to date too.
     */
    public Optional<Rerating> rerate(long id, Rating rating) {
        return find(id).map(current -> {
            Title was = current.title();
            Title rated = new Title(was.id(), was.kind(), was.status(), was.title(), was.originalTitle(), was.description(),
                    was.genres(), was.countries(), was.originalLanguage(), was.releaseYear(), was.ageRating(), was.runtimeMin(),
                    was.images(), was.people(), was.seasons(), rating, was.provider(), was.offeredLicences(), current.version() + 1, now());
            TitleItem item = item(new Built(rated, current.episodeKeys()));
            Expression condition = versionIs(current.version());
            return new Rerating(rated, transaction -> transaction.addPutItem(titles.table(),
                    TransactPutItemEnhancedRequest.builder(TitleItem.class).item(item).conditionExpression(condition).build()),
                    TitleChangelog.upserted(rated));
        });
    }

    /** A title with its new rating, the write that stores it and the changelog event that announces it. */
    public record Rerating(Title title, Consumer<TransactWriteItemsEnhancedRequest.Builder> write, Outbox.Announcement event) {
    }

    /** Whether a provider CloudEvent was applied already. */
    public boolean seen(String eventKey) {
        return eventKey != null && feedKeys.getItem(Key.builder().partitionValue(eventKey).build()) != null;
    }

    /**
     * Mirrors a legacy movie as a title of kind movie under the same id (once: a title that exists is left as it is).
     * Legacy movies have no release year, language or age rating: the mirror has no year or language and age rating 18.
     */
    @Override
    public boolean mirror(Movie movie) {
        try {
            write(new Built(mirrorOf(movie), Map.of()), null, List.of());
            return true;
        } catch (TransactionCanceledException alreadyMirrored) {
            return false;
        }
    }

    /** What a legacy movie adds to the transaction that creates it: its title mirror and the changelog event. */
    @Override
    public Consumer<TransactWriteItemsEnhancedRequest.Builder> mirrorWrite(Movie movie, List<Outbox.Announcement> events) {
        Built built = new Built(mirrorOf(movie), Map.of());
        events.add(TitleChangelog.upserted(built.title()));
        TitleItem item = item(built);
        return transaction -> transaction.addPutItem(titles.table(), TransactPutItemEnhancedRequest.builder(TitleItem.class)
                .item(item).conditionExpression(KeyedTable.notExists()).build());
    }

    private Title mirrorOf(Movie movie) {
        List<String> genres = new ArrayList<>();
        for (String genre : movie.genres()) {
            String label = genre.length() > 40 ? genre.substring(0, 40).strip() : genre;
            if (genres.size() < 10 && !label.isEmpty() && !genres.contains(label)) {
                genres.add(label);
            }
        }
        String name = movie.title().length() > 300 ? movie.title().substring(0, 300) : movie.title();
        String description = movie.description().length() > 5000 ? movie.description().substring(0, 5000) : movie.description();
        return new Title(movie.id(), Title.MOVIE, Title.PUBLISHED, name, null, description, List.copyOf(genres), List.of(), null,
                null, 18, null, null, List.of(), List.of(), Rating.NONE, null, List.of(), 1, now());
    }

    private Outcome change(Stored current, TitleDraft draft, Provider provider, String status, List<FeedKeyItem> keys) {
        long version = current.version() + 1;
        Built built = build(current.title().id(), draft, provider, current.episodeKeys(), version, status, current.title());
        Title was = current.title();
        if (sameContent(was, built.title())) {
            if (!keys.isEmpty()) {
                writeKeys(keys);
            }
            return new Outcome(was, false);
        }
        write(built, current.version(), keys);
        return new Outcome(built.title(), true);
    }

    private Built build(long id, TitleDraft draft, Provider provider, Map<String, Long> episodeKeys, long version, String status) {
        return build(id, draft, provider, episodeKeys, version, status == null ? Title.PUBLISHED : status, null);
    }

    /** The title a draft makes: episode ids kept by provider id, else by season and episode number, else new. */
    private Built build(long id, TitleDraft draft, Provider provider, Map<String, Long> episodeKeys, long version, String status,
                        Title previous) {
        Map<String, Long> byNumber = new HashMap<>();
        if (previous != null) {
            previous.seasons().forEach(season -> season.episodes().forEach(episode ->
                    byNumber.put(season.number() + "/" + episode.number(), episode.id())));
        }
        Map<String, Long> keys = new HashMap<>();
        List<Season> seasons = new ArrayList<>();
        for (SeasonDraft season : draft.seasons()) {
            List<Episode> episodes = new ArrayList<>();
            for (EpisodeDraft episode : season.episodes().stream().sorted((a, b) -> Integer.compare(a.number(), b.number())).toList()) {
                Long episodeId = episode.externalId() != null ? episodeKeys.get(episode.externalId())
                        : byNumber.get(season.number() + "/" + episode.number());
                if (episodeId == null) {
                    episodeId = ids.next();
                }
                if (episode.externalId() != null) {
                    keys.put(episode.externalId(), episodeId);
                }
                episodes.add(new Episode(episodeId, episode.number(), episode.title(), episode.runtimeMin(), episode.description()));
            }
            seasons.add(new Season(season.number(), season.title(), List.copyOf(episodes)));
        }
        seasons.sort((a, b) -> Integer.compare(a.number(), b.number()));
        // Ids of a provider's episodes that are gone this time stay reserved for them, should they come back.
        Map<String, Long> allKeys = new HashMap<>(episodeKeys);
        allKeys.putAll(keys);
        Title title = new Title(id, draft.kind(), status, draft.title(), draft.originalTitle(), draft.description(), draft.genres(),
                draft.countries(), draft.originalLanguage(), draft.releaseYear(), draft.ageRating(), draft.runtimeMin(), draft.images(),
                draft.people(), List.copyOf(seasons), previous == null ? Rating.NONE : previous.rating(), provider,
                draft.offeredLicences(), version, now());
        return new Built(title, allKeys);
    }

    private record Built(Title title, Map<String, Long> episodeKeys) {
    }

    private static boolean sameContent(Title a, Title b) {
        return Documents.toJson(withoutVersion(a)).equals(Documents.toJson(withoutVersion(b)));
    }

    private static Title withoutVersion(Title t) {
        return new Title(t.id(), t.kind(), t.status(), t.title(), t.originalTitle(), t.description(), t.genres(), t.countries(),
                t.originalLanguage(), t.releaseYear(), t.ageRating(), t.runtimeMin(), t.images(), t.people(), t.seasons(), t.rating(),
                t.provider(), t.offeredLicences(), 0, "");
    }

    private void write(Built built, Long expectedVersion, List<FeedKeyItem> keys) {
        TitleItem item = item(built);
        Expression condition = expectedVersion == null ? KeyedTable.notExists() : versionIs(expectedVersion);
        try {
            outbox.writeAndAnnounce(transaction -> {
                transaction.addPutItem(titles.table(), TransactPutItemEnhancedRequest.builder(TitleItem.class)
                        .item(item).conditionExpression(condition).build());
                addKeys(transaction, keys);
            }, List.of(TitleChangelog.upserted(built.title())));
        } catch (TransactionCanceledException cancelled) {
            if (expectedVersion != null && cancelled.cancellationReasons().getFirst().code().equals("ConditionalCheckFailed")) {
                throw new ConflictException("title " + built.title().id() + " changed concurrently; read it again and retry");
            }
            throw cancelled;
        }
    }

    private static Expression versionIs(long version) {
        return Expression.builder().expression("#v = :v").expressionNames(Map.of("#v", "version"))
                .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(version)))).build();
    }

    private void writeKeys(List<FeedKeyItem> keys) {
        try {
            outbox.writeAndAnnounce(transaction -> addKeys(transaction, keys), List.of());
        } catch (TransactionCanceledException alreadyThere) {
            // A mark already written: the event was applied before, nothing to record.
        }
    }

    private void addKeys(TransactWriteItemsEnhancedRequest.Builder transaction, List<FeedKeyItem> keys) {
        for (FeedKeyItem key : keys) {
            if (key != null) {
                transaction.addPutItem(feedKeys, TransactPutItemEnhancedRequest.builder(FeedKeyItem.class).item(key)
                        .conditionExpression(KeyedTable.notExists()).build());
            }
        }
    }

    private TitleItem item(Built built) {
        String document = Documents.toJson(built.title());
        if (document.getBytes(StandardCharsets.UTF_8).length > MAX_DOCUMENT_BYTES) {
            throw new InvalidInputException("title is too large: at most " + MAX_DOCUMENT_BYTES + " bytes of JSON in all");
        }
        TitleItem item = new TitleItem();
        item.setId(built.title().id());
        item.setVersion(built.title().version());
        item.setDocument(document);
        item.setEpisodeKeys(built.episodeKeys().isEmpty() ? null : built.episodeKeys());
        return item;
    }

    private Optional<Long> linkedTitle(Provider provider) {
        FeedKeyItem link = feedKeys.getItem(r -> r.key(Key.builder().partitionValue(linkKey(provider)).build()).consistentRead(true));
        return Optional.ofNullable(link).map(FeedKeyItem::getTitleId);
    }

    private static List<FeedKeyItem> keys(FeedKeyItem... items) {
        return java.util.Arrays.stream(items).filter(java.util.Objects::nonNull).toList();
    }

    private static String linkKey(Provider provider) {
        return "item:" + provider.key();
    }

    private static FeedKeyItem link(Provider provider, long titleId) {
        FeedKeyItem item = new FeedKeyItem();
        item.setId(linkKey(provider));
        item.setTitleId(titleId);
        return item;
    }

    /** The mark of an applied CloudEvent, kept 30 days (the feed's redeliveries come within minutes). */
    private FeedKeyItem mark(String eventKey) {
        if (eventKey == null) {
            return null;
        }
        FeedKeyItem item = new FeedKeyItem();
        item.setId(eventKey);
        item.setExpiresAt(clock.instant().plusSeconds(30L * 24 * 3600).getEpochSecond());
        return item;
    }

    private String now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }
}
