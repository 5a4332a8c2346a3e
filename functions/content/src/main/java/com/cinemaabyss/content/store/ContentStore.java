package com.cinemaabyss.content.store;

import com.cinemaabyss.content.domain.Licence;
import com.cinemaabyss.content.domain.Title;
import com.cinemaabyss.content.events.PlaybackEvents;
import com.cinemaabyss.content.events.TitleChange;
import com.cinemaabyss.content.events.TitleChanges;
import com.cinemaabyss.kit.outbox.Outbox;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The titles projection, the licences and the playback sessions. A title change is applied in an order that makes a
 * repeat or a crash half-way harmless: provider licences first, then the episodes, then the title item itself with
 * "only if older" (its version is what says the change was applied, so a change is applied again until it got there,
 * and never after). title-changes is keyed by title id, so one title's changes arrive in order.
 */
public class ContentStore {

    static final String PROVIDER = "provider#";
    static final String MANUAL = "manual#";

    private final DynamoDbTable<TitleItem> titles;
    private final DynamoDbTable<LicenceItem> licences;
    private final DynamoDbTable<SessionItem> sessions;
    private final Outbox outbox;

    public ContentStore(DynamoDbTable<TitleItem> titles, DynamoDbTable<LicenceItem> licences, DynamoDbTable<SessionItem> sessions, Outbox outbox) {
        this.titles = titles;
        this.licences = licences;
        this.sessions = sessions;
        this.outbox = outbox;
    }

    public Optional<Title> title(long id) {
        return Optional.ofNullable(titles.getItem(Key.builder().partitionValue(id).build())).map(ContentStore::toTitle);
    }

    /** Every licence of the title or episode, manual and provider: one query. */
    public List<Licence> licences(long titleId) {
        List<Licence> found = new ArrayList<>();
        licences.query(QueryConditional.keyEqualTo(Key.builder().partitionValue(titleId).build())).items()
                .forEach(item -> found.add(toLicence(item)));
        return found;
    }

    /** Applies {@code change} unless the stored title already has its version or a newer one; true when applied. */
    public boolean apply(TitleChange change, Instant now) {
        TitleItem stored = titles.getItem(r -> r.key(Key.builder().partitionValue(change.id()).build()).consistentRead(true));
        if (stored != null && stored.getVersion() >= change.version()) {
            return false;
        }
        replaceProviderLicences(change.id(), TitleChanges.licences(change), now);
        boolean withdrawn = "withdrawn".equals(change.status());
        for (long episode : change.episodeIds()) {
            putIfOlder(item(episode, Title.Kind.EPISODE, change.status(), change.ageRating(), change.id(), change.version(), now));
        }
        return putIfOlder(item(change.id(), Title.Kind.fromWire(change.kind()), withdrawn ? "withdrawn" : "published",
                change.ageRating(), null, change.version(), now));
    }

    private void replaceProviderLicences(long titleId, List<Licence> offered, Instant now) {
        Set<String> kept = new HashSet<>();
        for (Licence licence : offered) {
            LicenceItem item = licenceItem(licence, null, now);
            licences.putItem(item);
            kept.add(item.getKey());
        }
        licences.query(QueryConditional.sortBeginsWith(Key.builder().partitionValue(titleId).sortValue(PROVIDER).build())).items()
                .forEach(item -> {
                    if (!kept.contains(item.getKey())) {
                        licences.deleteItem(item);
                    }
                });
    }

    private boolean putIfOlder(TitleItem item) {
        try {
            titles.putItem(PutItemEnhancedRequest.builder(TitleItem.class).item(item)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(id) OR version < :v")
                            .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(item.getVersion())))).build())
                    .build());
            return true;
        } catch (ConditionalCheckFailedException newer) {
            return false;
        }
    }

    public Licence putManual(Licence licence, long setBy, Instant now) {
        licences.putItem(licenceItem(licence, setBy, now));
        return licence;
    }

    /** True when there was a manual licence of the title in the region to remove. */
    public boolean deleteManual(long titleId, String region) {
        return licences.deleteItem(Key.builder().partitionValue(titleId).sortValue(MANUAL + region).build()) != null;
    }

    /** The session and its playback.started, in one transaction (the outbox publishes the event). */
    public void recordSession(SessionItem session) {
        Outbox.Announcement started = PlaybackEvents.started(session);
        outbox.insertAndAnnounce(sessions, session, started.topic(), started.key(), started.event());
    }

    private static TitleItem item(long id, Title.Kind kind, String status, int ageRating, Long seriesId, long version, Instant now) {
        TitleItem item = new TitleItem();
        item.setId(id);
        item.setKind(kind.wire());
        item.setStatus(status);
        item.setAgeRating(ageRating);
        item.setSeriesId(seriesId);
        item.setVersion(version);
        item.setUpdatedAt(now.toEpochMilli());
        return item;
    }

    private static LicenceItem licenceItem(Licence licence, Long setBy, Instant now) {
        LicenceItem item = new LicenceItem();
        item.setTitleId(licence.titleId());
        item.setKey((licence.source() == Licence.Source.MANUAL ? MANUAL : PROVIDER) + licence.region());
        item.setRegion(licence.region());
        item.setSource(licence.source().wire());
        item.setFromMillis(licence.from().toEpochMilli());
        item.setToMillis(licence.to().toEpochMilli());
        item.setSetBy(setBy);
        item.setSetAtMillis(now.toEpochMilli());
        return item;
    }

    private static Licence toLicence(LicenceItem item) {
        return new Licence(item.getTitleId(), item.getRegion(), Instant.ofEpochMilli(item.getFromMillis()), Instant.ofEpochMilli(item.getToMillis()),
                Licence.Source.valueOf(item.getSource().toUpperCase(Locale.ROOT)));
    }

    private static Title toTitle(TitleItem item) {
        return new Title(item.getId(), Title.Kind.fromWire(item.getKind()), "published".equals(item.getStatus()), item.getAgeRating(),
                item.getSeriesId(), item.getVersion());
    }
}
