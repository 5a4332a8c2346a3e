package com.cinemaabyss.kit.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

import java.io.IOException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The identity service's signing keys. Fetching, caching, refetching on an unknown {@code kid} and rate-limiting those
 * refetches is nimbus's {@link JWKSourceBuilder}; {@link #fetch} goes through it and may block on HTTP.
 * <p>
 * {@link #cached} never blocks: it answers from the key set nimbus fetched last, while that is younger than the cache
 * time to live (the same age at which nimbus's own cache would fetch again). An empty answer means "a fetch may be
 * needed": the caller then runs {@link #fetch} off its event loop.
 */
public final class JwksKeys implements AutoCloseable {

    private record Snapshot(JWKSet keys, Instant fetchedAt) {
    }

    private final JWKSource<SecurityContext> source;
    private final JWKSetSource<SecurityContext> fetching;
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final Duration timeToLive;
    private final Clock clock;

    /**
     * @param url              the JWKS document, e.g. {@code http://127.0.0.1:8083/.well-known/jwks.json}
     * @param timeToLive       how long a fetched key set is used before it is fetched again
     * @param minRefetchInterval how often at most an unknown {@code kid} may cause a refetch
     * @param httpTimeout      connect and read timeout of one fetch
     */
    public JwksKeys(URL url, Duration timeToLive, Duration minRefetchInterval, Duration httpTimeout, Clock clock) {
        this.timeToLive = timeToLive;
        this.clock = clock;
        int timeout = Math.toIntExact(httpTimeout.toMillis());
        URLBasedJWKSetSource<SecurityContext> http = new URLBasedJWKSetSource<>(url,
                new DefaultResourceRetriever(timeout, timeout, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT));
        this.fetching = new Recording(http);
        // The refresh timeout bounds how long concurrent callers wait for one fetch in progress.
        this.source = JWKSourceBuilder.create(fetching)
                .cache(timeToLive.toMillis(), 2L * timeout + 1_000)
                .rateLimited(minRefetchInterval.toMillis())
                .refreshAheadCache(false)
                .retrying(false)
                .outageTolerant(false)
                .build();
    }

    /** The keys the selector picks from the last fetched set, if that set is still fresh and has one; never blocks. */
    public Optional<List<JWK>> cached(JWKSelector selector) {
        Snapshot snapshot = latest.get();
        if (snapshot == null || !clock.instant().isBefore(snapshot.fetchedAt().plus(timeToLive))) {
            return Optional.empty();
        }
        List<JWK> keys = selector.select(snapshot.keys());
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
    }

    /** The keys the selector picks, fetching the set when nimbus's cache has none that match (rate-limited); may block. */
    public List<JWK> fetch(JWKSelector selector) throws KeySourceException {
        return source.get(selector, null);
    }

    @Override
    public void close() throws IOException {
        fetching.close();
    }

    /** Remembers each key set actually fetched, for {@link #cached}. */
    private final class Recording implements JWKSetSource<SecurityContext> {

        private final JWKSetSource<SecurityContext> delegate;

        Recording(JWKSetSource<SecurityContext> delegate) {
            this.delegate = delegate;
        }

        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator evaluator, long currentTime, SecurityContext context)
                throws KeySourceException {
            JWKSet keys = delegate.getJWKSet(evaluator, currentTime, context);
            latest.set(new Snapshot(keys, clock.instant()));
            return keys;
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
