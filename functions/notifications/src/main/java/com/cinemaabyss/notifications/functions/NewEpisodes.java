package com.cinemaabyss.notifications.functions;

import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.notifications.domain.Channel;
import com.cinemaabyss.notifications.domain.Kind;
import com.cinemaabyss.notifications.domain.Preferences;
import com.cinemaabyss.notifications.events.Trigger;
import com.cinemaabyss.notifications.mail.Templates;
import com.cinemaabyss.notifications.store.FavoritesStore;
import com.cinemaabyss.notifications.store.RecipientStore;
import com.cinemaabyss.notifications.store.SeriesItem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * "A new episode of a series in your favourites": favourites come from profile-events, episodes from the catalog's
 * title changelog (the whole title after every change, so a new episode is an episode id the last version seen did not
 * have). The first version seen of a series only records its episodes (a fresh projection must not announce a whole
 * back catalogue); a withdrawn series records without pushing. Each (episode, user) is pushed once, whatever the
 * redelivery or the number of the user's profiles that follow the series: its ledger entry is keyed by both. The new
 * version is stored only after every push was sent or recorded, so a push that failed transiently (503) comes back
 * with the redelivered event and the ledger skips the ones already sent.
 */
public class NewEpisodes {

    private static final int IN_FLIGHT = 16;

    private final FavoritesStore store;
    private final RecipientStore recipients;
    private final Templates templates;
    private final MobileNotifier mobile;

    public NewEpisodes(FavoritesStore store, RecipientStore recipients, Templates templates, MobileNotifier mobile) {
        this.store = store;
        this.recipients = recipients;
        this.templates = templates;
        this.mobile = mobile;
    }

    public Notifier.Outcome favorite(Trigger.Favorite f) {
        return store.favorite(f.profileId(), f.userId(), f.titleId(), f.added(), f.at()) ? Notifier.Outcome.PROJECTED : Notifier.Outcome.STALE;
    }

    public Notifier.Outcome series(Trigger.Series s) {
        Optional<SeriesItem> seen = store.series(s.titleId());
        if (seen.isPresent() && seen.get().getVersion() >= s.version()) {
            return Notifier.Outcome.STALE;
        }
        Set<Long> ids = new LinkedHashSet<>();
        s.episodes().forEach(e -> ids.add(e.id()));
        Notifier.Outcome outcome = Notifier.Outcome.PROJECTED;
        if (seen.isPresent() && s.published()) {
            Set<Long> before = seen.get().getEpisodeIds() == null ? Set.of() : seen.get().getEpisodeIds();
            List<Trigger.Episode> fresh = s.episodes().stream().filter(e -> !before.contains(e.id())).toList();
            if (!fresh.isEmpty()) {
                Set<Long> fans = store.fans(s.titleId());
                if (!fans.isEmpty()) {
                    push(s, fresh, fans);
                    outcome = Notifier.Outcome.SENT;
                }
            }
        }
        return store.episodes(s.titleId(), s.version(), ids) ? outcome : Notifier.Outcome.STALE;
    }

    private void push(Trigger.Series s, List<Trigger.Episode> episodes, Set<Long> fans) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<Future<?>> sends = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long user : fans) {
                for (Trigger.Episode episode : episodes) {
                    inFlight.acquireUninterruptibly();
                    sends.add(executor.submit(() -> {
                        try {
                            pushOne(s, episode, user);
                        } finally {
                            inFlight.release();
                        }
                    }));
                }
            }
            UnavailableException later = null;
            for (Future<?> send : sends) {
                try {
                    send.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnavailableException u) {
                        later = u;
                    } else if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    } else {
                        throw new IllegalStateException(e.getCause());
                    }
                }
            }
            if (later != null) {
                throw later;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while pushing new episodes", e);
        }
    }

    private void pushOne(Trigger.Series s, Trigger.Episode episode, long user) {
        Preferences preferences = recipients.preferences(user);
        if (!preferences.wantsMarketing(Channel.PUSH)) {
            return;
        }
        Templates.Rendered rendered = templates.render(Kind.NEW_EPISODE, preferences.language(), Map.of("series", s.title(),
                "season", episode.season(), "number", episode.number(), "episode", episode.title()));
        mobile.push(ledgerId(episode.id(), user), user, new MobileNotifier.Message(Kind.NEW_EPISODE, rendered.subject(), rendered.shortText(),
                "/#/title/" + s.titleId(), "title-" + s.titleId()), null);
    }

    /** The ledger key of one episode's push to one user (whichever event announced it). */
    static String ledgerId(long episodeId, long userId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("new-episode\n" + episodeId + "\n" + userId + "\npush").getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
