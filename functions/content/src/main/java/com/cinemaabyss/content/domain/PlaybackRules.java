package com.cinemaabyss.content.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The playback decision, in a fixed order; the first check that fails answers:
 * <ol>
 *   <li>entitlement (402): whatever was clicked, a viewer without an active plan is asked to subscribe. It goes first
 *   because it is what the product wants a non-subscriber to see (the upsell, the same for every title), and because
 *   it tells nobody without a plan which titles exist, where they are licensed or how they are rated;</li>
 *   <li>the title (404): unknown, withdrawn, or an episode its series no longer has;</li>
 *   <li>the licence (451): a manual or provider licence of the title (an episode: its own or its series') for the
 *   viewer's region, valid now;</li>
 *   <li>the age limit (403): the title's age rating within the profile's max_age_rating (without a profile, the account
 *   holder plays with no limit). Last, because the profile is only worth asking about for a title one may otherwise watch.</li>
 * </ol>
 * The facts are suppliers so the caller may fetch them concurrently and still have them looked at in this order: a
 * supplier that fails (an upstream down: 503) fails the decision at its turn and not before.
 */
public final class PlaybackRules {

    private PlaybackRules() {
    }

    /** The facts of one request: its target and each fact as a supplier (see the class comment). */
    public record Facts(PlaybackRequest request, String region, Instant now, Supplier<Boolean> entitled,
                        Supplier<Optional<Title>> target, Supplier<Optional<Title>> series,
                        Supplier<List<Licence>> licences, Supplier<Optional<Profile>> profile) {
    }

    /** The title (or episode) that may be played; throws {@link PlaybackRefused} with the first failed check's status. */
    public static Title decide(Facts facts) {
        if (!facts.entitled().get()) {
            throw new PlaybackRefused(402, "no active subscription: subscribe to watch");
        }
        PlaybackRequest request = facts.request();
        String what = (request.episode() ? "episode " : "title ") + request.target();
        Title target = facts.target().get().orElseThrow(() -> new PlaybackRefused(404, what + " not found"));
        Title rated = target;
        if (request.episode()) {
            if (target.kind() != Title.Kind.EPISODE) {
                throw new PlaybackRefused(404, what + " not found (it is not an episode: play it by title_id)");
            }
            Title series = facts.series().get().orElseThrow(() -> new PlaybackRefused(404, what + " not found"));
            // An episode is current only while its series' version is the one it was written with: one the series
            // dropped keeps its old version and is gone.
            if (series.version() != target.version()) {
                throw new PlaybackRefused(404, what + " not found");
            }
            rated = series;
        } else if (target.kind() != Title.Kind.MOVIE) {
            throw new PlaybackRefused(404, what + " not found (" + (target.kind() == Title.Kind.SERIES
                    ? "a series plays by episode_id" : "an episode plays by episode_id") + ")");
        }
        if (!rated.published()) {
            throw new PlaybackRefused(404, what + " not found (withdrawn)");
        }
        boolean licensed = facts.licences().get().stream()
                .anyMatch(licence -> licence.region().equals(facts.region()) && licence.validAt(facts.now()));
        if (!licensed) {
            throw new PlaybackRefused(451, what + " is not licensed in " + facts.region() + " now");
        }
        Optional<Profile> profile = facts.profile().get();
        if (profile.isPresent() && rated.ageRating() > profile.get().maxAgeRating()) {
            throw new PlaybackRefused(403, what + " is rated " + rated.ageRating() + "+, above this profile's limit of "
                    + profile.get().maxAgeRating() + "+");
        }
        return target;
    }
}
