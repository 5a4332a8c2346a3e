package com.cinemaabyss.content.functions;

import com.cinemaabyss.content.domain.Availability;
import com.cinemaabyss.content.domain.Licence;
import com.cinemaabyss.content.domain.PlaybackRefused;
import com.cinemaabyss.content.domain.Playback;
import com.cinemaabyss.content.domain.PlaybackRequest;
import com.cinemaabyss.content.domain.PlaybackRules;
import com.cinemaabyss.content.domain.Profile;
import com.cinemaabyss.content.domain.Title;
import com.cinemaabyss.content.store.ContentStore;
import com.cinemaabyss.content.store.SessionItem;
import com.cinemaabyss.content.upstream.Entitlements;
import com.cinemaabyss.content.upstream.Profiles;
import com.cinemaabyss.kit.media.StreamTokens;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Starts playback: gathers the facts at once (the entitlement, the profile and the title with its licences are
 * independent reads, so a start costs the slowest of them, not their sum), lets {@link PlaybackRules} decide in its
 * order, then records the session with its playback.started and answers a signed stream URL.
 */
public class Playbacks {

    /** What the route hands over: the verified caller, the token to forward, the edge's country and the body. */
    public record Command(long userId, String authorization, String region, PlaybackRequest request) {
    }

    private final ContentStore store;
    private final Entitlements entitlements;
    private final Profiles profiles;
    private final StreamTokens tokens;
    private final URI origin;
    private final String asset;
    private final Duration ttl;
    private final Duration keepAfterExpiry;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public Playbacks(ContentStore store, Entitlements entitlements, Profiles profiles, StreamTokens tokens, URI origin, String asset,
                     Duration ttl, Duration keepAfterExpiry, Clock clock) {
        this.store = store;
        this.entitlements = entitlements;
        this.profiles = profiles;
        this.tokens = tokens;
        this.origin = origin;
        this.asset = asset;
        this.ttl = ttl;
        this.keepAfterExpiry = keepAfterExpiry;
        this.clock = clock;
    }

    /** Whether the viewer may play the title (or episode) now: the same decision as {@link #start}, without a session. */
    public record Check(long titleId, Long episodeId, Long profileId, String authorization, String region) {
    }

    public Playback start(Command command) {
        PlaybackRequest request = command.request();
        Instant now = clock.instant();
        Title played = decide(command.authorization(), command.region(), request, now);

        StreamTokens.Signed signed = tokens.sign(origin, asset, command.userId(), ttl);
        SessionItem session = new SessionItem();
        session.setSessionId(UUID.randomUUID().toString());
        session.setUserId(command.userId());
        session.setProfileId(request.profileId());
        session.setTitleId(played.seriesId() != null ? played.seriesId() : played.id());
        session.setEpisodeId(played.seriesId() != null ? played.id() : null);
        session.setRegion(command.region());
        session.setStartedAtMillis(now.toEpochMilli());
        session.setExpiresAtMillis(signed.expiresAt().toEpochMilli());
        session.setDeleteAfter(signed.expiresAt().plus(keepAfterExpiry).getEpochSecond());
        store.recordSession(session);
        return new Playback(signed.url().toString(), signed.expiresAt().toString(), session.getSessionId());
    }

    public Availability availability(Check check) {
        PlaybackRequest request = check.episodeId() == null ? new PlaybackRequest(check.titleId(), null, check.profileId())
                : new PlaybackRequest(null, check.episodeId(), check.profileId());
        try {
            decide(check.authorization(), check.region(), request, clock.instant());
            // An episode is asked for under its series: one of another series is not this title's.
            if (check.episodeId() != null && !store.title(check.episodeId()).map(Title::seriesId).filter(id -> id == check.titleId()).isPresent()) {
                throw new PlaybackRefused(404, "episode " + check.episodeId() + " is not one of title " + check.titleId());
            }
            return Availability.playable(check.titleId(), request, check.region());
        } catch (PlaybackRefused refused) {
            return Availability.refused(check.titleId(), request, check.region(), refused);
        }
    }

    /**
     * Gathers the facts at once and lets {@link PlaybackRules} decide; what may be played, or {@link PlaybackRefused}.
     * A profile that is not the caller's is a 404 (not a refusal: nothing about the title is learnt from it).
     */
    private Title decide(String authorization, String region, PlaybackRequest request, Instant now) {
        var entitled = async(() -> entitlements.active(authorization));
        var profile = async(() -> request.profileId() == null ? Optional.<Profile>empty()
                : Optional.of(profiles.profile(authorization, request.profileId())
                .orElseThrow(() -> new com.cinemaabyss.kit.core.NotFoundException("profile " + request.profileId() + " is not one of yours"))));
        var target = async(() -> store.title(request.target()));
        var series = async(() -> target.join().flatMap(t -> t.seriesId() == null ? Optional.<Title>empty() : store.title(t.seriesId())));
        var licences = async(() -> {
            List<Licence> all = new ArrayList<>(store.licences(request.target()));
            target.join().map(Title::seriesId).ifPresent(seriesId -> all.addAll(store.licences(seriesId)));
            return all;
        });
        return PlaybackRules.decide(new PlaybackRules.Facts(request, region, now, joining(entitled), joining(target),
                joining(series), joining(licences), joining(profile)));
    }

    private <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    /** The future's value, or what it failed with (a 503 stays a 503, not a CompletionException). */
    private static <T> Supplier<T> joining(CompletableFuture<T> future) {
        return () -> {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        };
    }
}
