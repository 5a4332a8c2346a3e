package com.cinemaabyss.content.functions;

import com.cinemaabyss.content.domain.Licence;
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
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public Playbacks(ContentStore store, Entitlements entitlements, Profiles profiles, StreamTokens tokens, URI origin, String asset,
                     Duration ttl, Clock clock) {
        this.store = store;
        this.entitlements = entitlements;
        this.profiles = profiles;
        this.tokens = tokens;
        this.origin = origin;
        this.asset = asset;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Playback start(Command command) {
        PlaybackRequest request = command.request();
        Instant now = clock.instant();
        var entitled = async(() -> entitlements.active(command.authorization()));
        var profile = async(() -> request.profileId() == null ? Optional.<Profile>empty()
                : Optional.of(profiles.profile(command.authorization(), request.profileId())
                .orElseThrow(() -> new com.cinemaabyss.kit.core.NotFoundException("profile " + request.profileId() + " is not one of yours"))));
        var target = async(() -> store.title(request.target()));
        var series = async(() -> target.join().flatMap(t -> t.seriesId() == null ? Optional.<Title>empty() : store.title(t.seriesId())));
        var licences = async(() -> {
            List<Licence> all = new ArrayList<>(store.licences(request.target()));
            target.join().map(Title::seriesId).ifPresent(seriesId -> all.addAll(store.licences(seriesId)));
            return all;
        });
        Title played = PlaybackRules.decide(new PlaybackRules.Facts(request, command.region(), now, joining(entitled), joining(target),
                joining(series), joining(licences), joining(profile)));

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
        store.recordSession(session);
        return new Playback(signed.url().toString(), signed.expiresAt().toString(), session.getSessionId());
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
