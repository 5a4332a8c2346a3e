package com.cinemaabyss.content.functions;

import com.cinemaabyss.content.domain.Licence;
import com.cinemaabyss.content.domain.LicenceWindow;
import com.cinemaabyss.content.domain.Regions;
import com.cinemaabyss.content.store.ContentStore;
import com.cinemaabyss.kit.core.NotFoundException;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * Content managers' licences. A title must be known (title-changes brought it) before it is licensed, so a typo in an
 * id is a 404 and not a licence of nothing. There is at most one manual licence per title and region (PUT replaces
 * it), so a title holds at most as many as there are regions: the list is bounded by the region codes.
 */
public class Licences {

    public record Change(long userId, long titleId, String region, LicenceWindow window) {
    }

    public record Removal(long titleId, String region) {
    }

    /** A title's licences as the API shows them. */
    public record TitleLicences(@JsonProperty("title_id") long titleId, List<View> licences) {
    }

    public record View(String region, String from, String to, String source) {
        static View of(Licence licence) {
            return new View(licence.region(), licence.from().toString(), licence.to().toString(), licence.source().wire());
        }
    }

    private final ContentStore store;
    private final Clock clock;

    public Licences(ContentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public View set(Change change) {
        Regions.require(change.region(), "region");
        requireKnown(change.titleId());
        Licence licence = new Licence(change.titleId(), change.region(), change.window().fromInstant(), change.window().toInstant(), Licence.Source.MANUAL);
        return View.of(store.putManual(licence, change.userId(), clock.instant()));
    }

    public void remove(Removal removal) {
        Regions.require(removal.region(), "region");
        if (!store.deleteManual(removal.titleId(), removal.region())) {
            throw new NotFoundException("title " + removal.titleId() + " has no manual licence in " + removal.region());
        }
    }

    public TitleLicences of(long titleId) {
        requireKnown(titleId);
        return new TitleLicences(titleId, store.licences(titleId).stream()
                .sorted(Comparator.comparing(Licence::region).thenComparing(licence -> licence.source().wire()))
                .map(View::of).toList());
    }

    private void requireKnown(long titleId) {
        if (store.title(titleId).isEmpty()) {
            throw new NotFoundException("title " + titleId + " not found");
        }
    }
}
