package com.cinemaabyss.profile.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What continue watching offers, from a profile's latest progress per title, most recent first: an unfinished movie
 * or episode where it stopped; for a series whose last watched episode is finished, the next episode (across seasons)
 * from the start; a finished movie, or a finished last episode, drops out.
 */
public final class ContinueWatching {

    /** The latest progress in one title: the movie itself ({@code episode} empty) or the series' last watched episode. */
    public record Latest(long titleId, Optional<Episode> episode, int positionS, int durationS, boolean finished, Instant at) {
    }

    private ContinueWatching() {
    }

    /** At most {@code limit} offers from {@code newestFirst}; {@code next} finds the episode after one, if any. */
    public static List<Watched> offers(List<Latest> newestFirst, Function<Episode, Optional<Episode>> next, int limit) {
        List<Watched> offers = new ArrayList<>();
        for (Latest latest : newestFirst) {
            if (offers.size() >= limit) {
                break;
            }
            if (latest.episode().isEmpty()) {
                if (!latest.finished()) {
                    offers.add(new Watched(latest.titleId(), null, null, null, latest.positionS(), latest.durationS(), false, null,
                            latest.at().toString()));
                }
                continue;
            }
            Episode episode = latest.episode().get();
            if (!latest.finished()) {
                offers.add(new Watched(latest.titleId(), episode.id(), episode.season(), episode.number(), latest.positionS(),
                        latest.durationS(), false, null, latest.at().toString()));
            } else {
                next.apply(episode).ifPresent(following -> offers.add(new Watched(latest.titleId(), following.id(), following.season(),
                        following.number(), 0, null, false, true, latest.at().toString())));
            }
        }
        return offers;
    }
}
