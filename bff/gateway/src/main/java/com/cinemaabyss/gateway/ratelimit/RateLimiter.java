package com.cinemaabyss.gateway.ratelimit;

import com.cinemaabyss.kit.auth.Identity;
import com.cinemaabyss.gateway.identity.RoutePattern;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Which bucket a request takes a token from: requests to the auth paths per client address (class {@code auth}),
 * authenticated requests per user ({@code user}), the others per client address ({@code anonymous}). Keys are
 * bounded: a subject longer than {@value #MAX_SUBJECT} characters is replaced by its SHA-256.
 */
public final class RateLimiter {

    static final int MAX_SUBJECT = 64;

    private final boolean enabled;
    private final BucketStore store;
    private final List<RoutePattern> authPaths;
    private final List<RoutePattern> exemptPaths;
    private final LimitClass auth;
    private final LimitClass user;
    private final LimitClass anonymous;

    public RateLimiter(RateLimitSettings settings, BucketStore store) {
        this.enabled = settings.enabled();
        this.store = store;
        this.authPaths = settings.authPaths().stream().map(RoutePattern::new).toList();
        this.exemptPaths = settings.exemptPaths().stream().map(RoutePattern::new).toList();
        double share = settings.shared().unsynchronizedFraction();
        this.auth = new LimitClass("auth", settings.auth(), (long) (settings.auth().requests() * share));
        this.user = new LimitClass("user", settings.user(), (long) (settings.user().requests() * share));
        this.anonymous = new LimitClass("anonymous", settings.anonymous(), (long) (settings.anonymous().requests() * share));
    }

    /**
     * @param path          the request path (as given to the access policy)
     * @param identity      the verified caller, empty when anonymous
     * @param clientAddress the client's address as the gateway resolved it (trusted proxies applied)
     */
    public CompletableFuture<RateLimitResult> check(String path, Optional<Identity> identity, String clientAddress) {
        if (!enabled || exemptPaths.stream().anyMatch(p -> p.matches(path))) {
            return CompletableFuture.completedFuture(RateLimitResult.unlimited());
        }
        String client = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress;
        LimitClass limitClass;
        String subject;
        if (authPaths.stream().anyMatch(p -> p.matches(path))) {
            limitClass = auth;
            subject = client;
        } else if (identity.isPresent()) {
            limitClass = user;
            subject = identity.get().userId();
        } else {
            limitClass = anonymous;
            subject = client;
        }
        return store.tryConsume(key(limitClass, subject), limitClass).thenApply(probe -> RateLimitResult.of(limitClass, probe));
    }

    static String key(LimitClass limitClass, String subject) {
        return limitClass.name() + ":" + (subject.length() <= MAX_SUBJECT ? subject : "sha256:" + sha256(subject));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
