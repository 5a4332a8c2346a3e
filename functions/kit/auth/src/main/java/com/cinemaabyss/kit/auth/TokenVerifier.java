package com.cinemaabyss.kit.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;

/**
 * Checks the {@code Authorization: Bearer <jwt>} of a request against the identity service's RS256 keys.
 * <p>
 * Non-blocking by construction: when the token's key is in the fresh key set already fetched, the whole check (parse,
 * RSA signature, claims) runs on the calling thread and the future is already complete. Only when a fetch may be
 * needed (first use, a {@code kid} not seen yet, a key set older than its time to live) does the check continue on
 * {@code blockingExecutor}, where nimbus fetches (cached and rate-limited). On an event loop pass an executor that may
 * block, e.g. {@code Schedulers.boundedElastic()::schedule} or a virtual-thread executor.
 */
public final class TokenVerifier {

    /** Compact JWS: three base64url parts; bounded so that a huge header costs nothing to reject. */
    private static final Pattern COMPACT_JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final int MAX_TOKEN_LENGTH = 8192;
    private static final int MAX_ROLES = 16;

    private final JwksKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration clockSkew;
    private final Clock clock;
    private final Executor blockingExecutor;

    public TokenVerifier(JwksKeys keys, String issuer, String audience, Duration clockSkew, Clock clock,
                         Executor blockingExecutor) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.blockingExecutor = blockingExecutor;
    }

    /** Verifies an {@code Authorization} header value (null or blank: {@link TokenProblem#MISSING}); never fails exceptionally. */
    public CompletableFuture<TokenVerification> verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return done(TokenProblem.MISSING);
        }
        String token = bearerToken(authorization);
        if (token == null) {
            return done(TokenProblem.MALFORMED);
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return done(TokenProblem.MALFORMED);
        }
        if (!(jwt instanceof SignedJWT signed)) {
            return done(TokenProblem.UNSUPPORTED_ALGORITHM); // alg "none" (PlainJWT) or an encrypted token
        }
        JWSHeader header = signed.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            return done(TokenProblem.UNSUPPORTED_ALGORITHM);
        }
        if (header.getKeyID() == null) {
            return done(TokenProblem.UNKNOWN_KEY);
        }
        JWKSelector selector = new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA).keyID(header.getKeyID())
                .keyUses(KeyUse.SIGNATURE, null).algorithms(JWSAlgorithm.RS256, null).build());
        Optional<List<JWK>> cached = keys.cached(selector);
        if (cached.isPresent()) {
            return CompletableFuture.completedFuture(check(signed, cached.get()));
        }
        try {
            return CompletableFuture.supplyAsync(() -> fetchAndCheck(signed, selector), blockingExecutor);
        } catch (RejectedExecutionException e) {
            return done(TokenProblem.KEYS_UNAVAILABLE);
        }
    }

    private TokenVerification fetchAndCheck(SignedJWT signed, JWKSelector selector) {
        List<JWK> found;
        try {
            found = keys.fetch(selector);
        } catch (RateLimitReachedException e) {
            return TokenVerification.invalid(TokenProblem.UNKNOWN_KEY); // refetched too recently: the kid is not there
        } catch (KeySourceException e) {
            return TokenVerification.invalid(TokenProblem.KEYS_UNAVAILABLE);
        }
        return found.isEmpty() ? TokenVerification.invalid(TokenProblem.UNKNOWN_KEY) : check(signed, found);
    }

    private TokenVerification check(SignedJWT signed, List<JWK> candidates) {
        for (JWK key : candidates) {
            try {
                if (key instanceof RSAKey rsa && signed.verify(new RSASSAVerifier(rsa))) {
                    return claims(signed);
                }
            } catch (JOSEException e) {
                // an unusable key (too short, not a public RSA key): try the next one, else a bad signature
            }
        }
        return TokenVerification.invalid(TokenProblem.BAD_SIGNATURE);
    }

    private TokenVerification claims(SignedJWT signed) {
        JWTClaimsSet claims;
        List<String> roleNames;
        try {
            claims = signed.getJWTClaimsSet();
            roleNames = claims.getStringListClaim("roles");
        } catch (ParseException e) {
            return TokenVerification.invalid(TokenProblem.INVALID_CLAIMS);
        }
        if (!issuer.equals(claims.getIssuer())) {
            return TokenVerification.invalid(TokenProblem.WRONG_ISSUER);
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            return TokenVerification.invalid(TokenProblem.WRONG_AUDIENCE);
        }
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        if (expires == null || issued == null) {
            return TokenVerification.invalid(TokenProblem.INVALID_CLAIMS);
        }
        if (!now.minus(clockSkew).isBefore(expires.toInstant())) {
            return TokenVerification.invalid(TokenProblem.EXPIRED);
        }
        Date notBefore = claims.getNotBeforeTime();
        if (issued.toInstant().isAfter(now.plus(clockSkew))
                || notBefore != null && notBefore.toInstant().isAfter(now.plus(clockSkew))) {
            return TokenVerification.invalid(TokenProblem.NOT_YET_VALID);
        }
        if (!Identity.isValidUserId(claims.getSubject()) || roleNames != null && roleNames.size() > MAX_ROLES) {
            return TokenVerification.invalid(TokenProblem.INVALID_CLAIMS);
        }
        return TokenVerification.valid(new Identity(claims.getSubject(), roles(roleNames)));
    }

    /** Roles this gateway knows; unknown names (a newer identity service) grant nothing and are dropped. */
    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(name -> Role.fromWireName(name).ifPresent(roles::add));
        }
        return roles;
    }

    /** The token of {@code Bearer <token>} (scheme case-insensitive, RFC 7235), or null when it is not one. */
    static String bearerToken(String authorization) {
        if (authorization.length() > MAX_TOKEN_LENGTH + 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        return COMPACT_JWT.matcher(token).matches() ? token : null;
    }

    private static CompletableFuture<TokenVerification> done(TokenProblem problem) {
        return CompletableFuture.completedFuture(TokenVerification.invalid(problem));
    }
}
