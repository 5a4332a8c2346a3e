package com.cinemaabyss.recommendations.functions;

import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.recommendations.domain.EngineItem;
import com.cinemaabyss.recommendations.domain.Interaction;
import com.cinemaabyss.recommendations.domain.Ranking;
import com.cinemaabyss.recommendations.domain.Recommendations;
import com.cinemaabyss.recommendations.domain.Recommended;
import com.cinemaabyss.recommendations.domain.Title;
import com.cinemaabyss.recommendations.domain.Viewer;
import com.cinemaabyss.recommendations.domain.ViewerTitle;
import com.cinemaabyss.recommendations.engine.EngineClient;
import com.cinemaabyss.recommendations.engine.InteractionForwarder;
import com.cinemaabyss.recommendations.events.EventReader;
import com.cinemaabyss.recommendations.store.SignalLedger;
import com.cinemaabyss.recommendations.store.TitleStore;
import com.cinemaabyss.recommendations.store.ViewerStore;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Answers recommendations and learns from events. An answer asks the engine first (bounded by its timeout and by what
 * is left of the answer's budget, skipped while the breaker is open) and keeps what the profile may see; when that is nothing, or fewer than asked, the
 * fallback (popular in the profile's favourite genres, then popular) fills the list.
 */
public class Recommender {

    /** The profile's titles that decide its favourite genres: its strongest ones, at most this many. */
    static final int TASTE_TITLES = 200;

    private final ViewerStore viewers;
    private final TitleStore titles;
    private final SignalLedger ledger;
    private final EngineClient engine;
    private final InteractionForwarder forwarder;
    private final PopularTitles popular;
    private final int favouriteGenres;
    private final MeterRegistry meters;
    private final Duration budget;

    public Recommender(ViewerStore viewers, TitleStore titles, SignalLedger ledger, EngineClient engine, InteractionForwarder forwarder,
                       PopularTitles popular, int favouriteGenres, Duration budget, MeterRegistry meters) {
        this.budget = budget;
        this.viewers = viewers;
        this.titles = titles;
        this.ledger = ledger;
        this.engine = engine;
        this.forwarder = forwarder;
        this.popular = popular;
        this.favouriteGenres = favouriteGenres;
        this.meters = meters;
    }

    public Recommendations recommend(Commands.Recommend command) {
        long started = System.nanoTime();
        Viewer viewer = viewer(command.userId(), command.profileId());
        Set<Long> finished = viewer.finished();
        List<Recommended> fromEngine = List.of();
        if (!viewer.titles().isEmpty()) {
            Timer.Sample sample = Timer.start(meters);
            Optional<List<EngineItem>> answer = engine.recommend(Interaction.user(viewer.profileId()), Math.min(100, command.limit() + 10), finished,
                    budget.minusNanos(System.nanoTime() - started));
            sample.stop(meters.timer("recommendations_engine_seconds", "outcome", answer.isEmpty() ? "failed" : answer.get().isEmpty() ? "empty" : "answered"));
            if (answer.isPresent() && !answer.get().isEmpty()) {
                List<EngineItem> items = answer.get();
                Map<Long, Title> known = titles.titles(Stream.concat(items.stream().map(EngineItem::item),
                        items.stream().flatMap(i -> i.because().stream())).toList());
                fromEngine = Ranking.fromEngine(items, known, finished, command.limit());
            }
        }
        String source = fromEngine.isEmpty() ? Recommendations.FALLBACK : Recommendations.ENGINE;
        meters.counter("recommendations_answers_total", "source", source).increment();
        if (fromEngine.size() >= command.limit()) {
            return new Recommendations(viewer.profileId(), source, fromEngine);
        }
        Set<Long> taken = new HashSet<>();
        fromEngine.forEach(r -> taken.add(r.titleId()));
        List<Recommended> items = new ArrayList<>(fromEngine);
        items.addAll(fallback(viewer, finished, taken, command.limit() - fromEngine.size()));
        return new Recommendations(viewer.profileId(), source, List.copyOf(items));
    }

    private List<Recommended> fallback(Viewer viewer, Set<Long> finished, Set<Long> taken, int limit) {
        List<Title> candidates = popular.get();
        List<String> genres = List.of();
        if (!viewer.titles().isEmpty()) {
            List<Long> taste = viewer.titles().stream().sorted(Comparator.comparingDouble(ViewerTitle::affinity).reversed())
                    .limit(TASTE_TITLES).map(ViewerTitle::titleId).toList();
            // The profile's titles' genres: from the candidates where they are among them, read only for the others.
            Map<Long, Title> known = new HashMap<>();
            candidates.forEach(t -> known.put(t.id(), t));
            List<Long> missing = taste.stream().filter(id -> !known.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                known.putAll(titles.titles(missing));
            }
            genres = Ranking.favouriteGenres(viewer, known, favouriteGenres);
        }
        // The candidates may be a few seconds old: what is chosen is read again, and only titles still published stay.
        List<Recommended> chosen = Ranking.fallback(candidates, genres, finished, taken, limit);
        Map<Long, Title> now = titles.titles(chosen.stream().map(Recommended::titleId).toList());
        return chosen.stream().filter(r -> now.containsKey(r.titleId()) && now.get(r.titleId()).published())
                .map(r -> new Recommended(r.titleId(), now.get(r.titleId()).name(), now.get(r.titleId()).genres(), r.reason())).toList();
    }

    /**
     * The profile asked for: one the events tied to the caller's account, or one no event named yet (a new profile: it
     * gets what is popular); a profile the events tied to another account is a 404, as if it did not exist. Without a
     * profile id, the account's first profile the events named (profile's default profile), else what is popular.
     */
    private Viewer viewer(long userId, Optional<Long> profileId) {
        if (profileId.isPresent()) {
            Viewer viewer = viewers.viewer(profileId.get());
            if (viewer.ownerId() != null && viewer.ownerId() != userId) {
                throw new NotFoundException("profile " + profileId.get() + " not found");
            }
            return viewer;
        }
        return viewers.firstProfile(userId).map(viewers::viewer).orElseGet(() -> Viewer.unknown(null));
    }

    /** One event from profile-events, playback-events or title-changes; exactly once per CloudEvent where it counts. */
    public void apply(CloudEvent event) {
        switch (EventReader.read(event)) {
            case EventReader.TitleRead read -> titles.apply(read.change());
            case EventReader.SignalRead read -> {
                boolean attributed = viewers.apply(read.signal());
                if (ledger.once(event.getSource().toString(), event.getId(), read.signal()) && attributed) {
                    read.signal().interaction().ifPresent(forwarder::offer);
                }
            }
            case EventReader.Ignored ignored -> {
            }
        }
    }

    public void flush() {
        forwarder.flush();
    }
}
