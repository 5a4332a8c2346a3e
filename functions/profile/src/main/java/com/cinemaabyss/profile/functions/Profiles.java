package com.cinemaabyss.profile.functions;

import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.kit.core.Page;
import com.cinemaabyss.profile.domain.ContinueWatching;
import com.cinemaabyss.profile.domain.Episode;
import com.cinemaabyss.profile.domain.Favorite;
import com.cinemaabyss.profile.domain.NewProfile;
import com.cinemaabyss.profile.domain.Profile;
import com.cinemaabyss.profile.domain.Rating;
import com.cinemaabyss.profile.domain.TitleState;
import com.cinemaabyss.profile.domain.Watched;
import com.cinemaabyss.profile.entitlements.ProfileLimits;
import com.cinemaabyss.profile.events.TitleChange;
import com.cinemaabyss.profile.store.LibraryStore;
import com.cinemaabyss.profile.store.ProfileStore;
import com.cinemaabyss.profile.store.TitleStore;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The profile domain's decisions over its stores: whose profile, which limit, what progress means. */
public class Profiles {

    private static final Logger log = LoggerFactory.getLogger(Profiles.class);

    private final ProfileStore profiles;
    private final LibraryStore library;
    private final TitleStore titles;
    private final ProfileLimits limits;
    private final Profile.Defaults defaults;
    private final Clock clock;
    private final int continueWatchingScan;

    public Profiles(ProfileStore profiles, LibraryStore library, TitleStore titles, ProfileLimits limits, Profile.Defaults defaults,
                    Clock clock, int continueWatchingScan) {
        this.profiles = profiles;
        this.library = library;
        this.titles = titles;
        this.limits = limits;
        this.defaults = defaults;
        this.clock = clock;
        this.continueWatchingScan = continueWatchingScan;
    }

    public List<Profile> list(long accountId) {
        return profiles.list(accountId, defaults, clock.instant());
    }

    public Profile create(Commands.CreateProfile command) {
        // The first use creates the default profile before the limit is read, so the limit counts it.
        profiles.list(command.accountId(), defaults, clock.instant());
        int limit = limits.maxProfiles(command.authorization());
        NewProfile p = command.profile();
        return profiles.create(command.accountId(), defaults, p.name(), p.language(), p.maxAgeRating(), p.kids(), limit, clock.instant());
    }

    public Profile get(Commands.ProfileRef ref) {
        return profiles.get(ref.accountId(), ref.profileId());
    }

    public Profile update(Commands.UpdateProfile command) {
        return profiles.update(command.update().applyTo(profiles.get(command.accountId(), command.profileId())));
    }

    public void delete(Commands.ProfileRef ref) {
        profiles.delete(ref.accountId(), ref.profileId());
    }

    public Favorite addFavorite(Commands.TitleRef ref) {
        return library.addFavorite(profile(ref.accountId(), ref.profileId()).id(), ref.accountId(), ref.titleId(), clock.instant());
    }

    public void removeFavorite(Commands.TitleRef ref) {
        library.removeFavorite(profile(ref.accountId(), ref.profileId()).id(), ref.accountId(), ref.titleId(), clock.instant());
    }

    public TitleState titleState(Commands.TitleRef ref) {
        return library.titleState(profile(ref.accountId(), ref.profileId()).id(), ref.titleId());
    }

    public Page<Favorite> favorites(Commands.ListPage page) {
        return library.favorites(profile(page.accountId(), page.profileId()).id(), page.limit(), page.cursor());
    }

    public Rating rate(Commands.Rate rate) {
        return library.rate(profile(rate.accountId(), rate.profileId()).id(), rate.accountId(), rate.titleId(), rate.rating(), clock.instant());
    }

    public void removeRating(Commands.TitleRef ref) {
        library.removeRating(profile(ref.accountId(), ref.profileId()).id(), ref.accountId(), ref.titleId(), clock.instant());
    }

    public Page<Rating> ratings(Commands.ListPage page) {
        return library.ratings(profile(page.accountId(), page.profileId()).id(), page.limit(), page.cursor());
    }

    /** An episode's progress counts for its series, which the title changelog names; an episode it never listed is a 404. */
    public Watched record(Commands.Progress progress) {
        Profile profile = profile(progress.accountId(), progress.profileId());
        var report = progress.report();
        Optional<Episode> episode = Optional.empty();
        long titleId;
        if (report.episodeId() != null) {
            episode = Optional.of(titles.episode(report.episodeId()).orElseThrow(() -> new NotFoundException(
                    "episode " + report.episodeId() + " is not known (yet): no series of the catalog lists it")));
            titleId = episode.get().seriesId();
        } else {
            titleId = report.titleId();
        }
        return library.record(profile.id(), progress.accountId(), titleId, episode, report.positionS(), report.durationS(),
                report.finished(), clock.instant());
    }

    public List<Watched> continueWatching(Commands.ListPage page) {
        long profileId = profile(page.accountId(), page.profileId()).id();
        return ContinueWatching.offers(library.latest(profileId, continueWatchingScan), titles::next, page.limit());
    }

    public Page<Watched> history(Commands.ListPage page) {
        return library.history(profile(page.accountId(), page.profileId()).id(), page.limit(), page.cursor());
    }

    /** A title changelog entry: the series structure, idempotently; other types on the topic are acknowledged. */
    public void applyTitleChange(CloudEvent event) {
        TitleChange.read(event).ifPresentOrElse(
                change -> log.info("event={} title={} version={} applied={}", event.getId(), change.id(), change.version(), titles.apply(change)),
                () -> log.debug("event={} type={} not handled here", event.getId(), event.getType()));
    }

    private Profile profile(long accountId, Optional<Long> profileId) {
        return profileId.isPresent() ? profiles.get(accountId, profileId.get()) : profiles.first(accountId, defaults, clock.instant());
    }
}
