package com.cinemaabyss.kit.auth;

import com.cinemaabyss.kit.test.JwksServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenVerifierTest {

    private static final RSAKey KEY = JwksServer.newKey("key-1");

    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger offloaded = new AtomicInteger();
    private JwksServer identity;
    private JwksKeys keys;
    private TokenVerifier verifier;

    @BeforeEach
    void start() throws IOException {
        identity = new JwksServer();
        identity.publish(KEY);
        verifier = verifierFor(identity.jwksUrl());
    }

    private TokenVerifier verifierFor(URL jwks) {
        keys = new JwksKeys(jwks, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(10), Clock.systemUTC());
        return new TokenVerifier(keys, JwksServer.ISSUER, JwksServer.AUDIENCE, Duration.ofSeconds(30), Clock.systemUTC(),
                task -> {
                    offloaded.incrementAndGet();
                    virtualThreads.execute(task);
                });
    }

    @AfterEach
    void stop() throws IOException {
        keys.close();
        identity.close();
        virtualThreads.close();
    }

    private TokenVerification verify(String authorization) {
        return verifier.verify(authorization).join();
    }

    private TokenProblem problem(String authorization) {
        return assertInstanceOf(TokenVerification.Invalid.class, verify(authorization)).problem();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    void aValidTokenGivesTheUserAndTheRolesThisGatewayKnows() {
        String token = JwksServer.sign(KEY, JwksServer.claims("42", "viewer", "admin", "astronaut").build());
        Identity who = assertInstanceOf(TokenVerification.Valid.class, verify(bearer(token))).identity();
        assertEquals("42", who.userId());
        assertEquals(Set.of(Role.VIEWER, Role.ADMIN), who.roles());
        assertEquals(1, identity.fetches());
    }

    @Test
    void onceTheKeysAreCachedVerificationCompletesOnTheCallingThreadWithoutAFetch() {
        String token = bearer(JwksServer.sign(KEY, JwksServer.claims("42", "viewer").build()));
        verify(token); // the cold cache: fetched off the caller's thread
        assertEquals(1, offloaded.get());
        for (int i = 0; i < 20; i++) {
            var future = verifier.verify(token);
            assertTrue(future.isDone(), "a cached key must not hand the check to another thread");
            assertInstanceOf(TokenVerification.Valid.class, future.join());
        }
        assertEquals(1, offloaded.get());
        assertEquals(1, identity.fetches());
    }

    @Test
    void anExpiredTokenIsRejectedButASmallClockSkewIsForgiven() {
        Instant now = Instant.now();
        String expired = JwksServer.sign(KEY, JwksServer.claims("42").issueTime(Date.from(now.minusSeconds(1000)))
                .expirationTime(Date.from(now.minusSeconds(100))).build());
        assertEquals(TokenProblem.EXPIRED, problem(bearer(expired)));
        String justExpired = JwksServer.sign(KEY, JwksServer.claims("42").expirationTime(Date.from(now.minusSeconds(10))).build());
        assertInstanceOf(TokenVerification.Valid.class, verify(bearer(justExpired)));
    }

    @Test
    void aTokenFromTheFutureIsNotValidYet() {
        Instant now = Instant.now();
        String notBefore = JwksServer.sign(KEY, JwksServer.claims("42").notBeforeTime(Date.from(now.plusSeconds(120))).build());
        assertEquals(TokenProblem.NOT_YET_VALID, problem(bearer(notBefore)));
        String issuedLater = JwksServer.sign(KEY, JwksServer.claims("42").issueTime(Date.from(now.plusSeconds(120))).build());
        assertEquals(TokenProblem.NOT_YET_VALID, problem(bearer(issuedLater)));
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderTheSameKidIsForged() {
        RSAKey attacker = JwksServer.newKey("key-1");
        assertEquals(TokenProblem.BAD_SIGNATURE, problem(bearer(JwksServer.sign(attacker, JwksServer.claims("1", "admin").build()))));
        String genuine = JwksServer.sign(KEY, JwksServer.claims("1", "viewer").build());
        String[] parts = genuine.split("\\.");
        String tampered = parts[0] + "." + JwksServer.sign(KEY, JwksServer.claims("1", "admin").build()).split("\\.")[1] + "." + parts[2];
        assertEquals(TokenProblem.BAD_SIGNATURE, problem(bearer(tampered)));
    }

    @Test
    void algNoneIsRefused() {
        String unsigned = new PlainJWT(JwksServer.claims("1", "admin").build()).serialize();
        assertEquals(TokenProblem.UNSUPPORTED_ALGORITHM, problem(bearer(unsigned)));
    }

    @Test
    void hs256WithThePublicKeyAsTheSecretIsRefused() throws JOSEException {
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(),
                JwksServer.claims("1", "admin").build());
        confused.sign(new MACSigner(KEY.toRSAPublicKey().getEncoded()));
        assertEquals(TokenProblem.UNSUPPORTED_ALGORITHM, problem(bearer(confused.serialize())));
        assertEquals(0, identity.fetches(), "refused before any key is looked up");
    }

    @Test
    void theIssuerAndTheAudienceMustBeIdentitysAndThisApis() {
        assertEquals(TokenProblem.WRONG_ISSUER, problem(bearer(JwksServer.sign(KEY, JwksServer.claims("1").issuer("someone-else").build()))));
        assertEquals(TokenProblem.WRONG_AUDIENCE, problem(bearer(JwksServer.sign(KEY, JwksServer.claims("1").audience("another-api").build()))));
        assertEquals(TokenProblem.WRONG_AUDIENCE, problem(bearer(JwksServer.sign(KEY, JwksServer.claims("1").audience((String) null).build()))));
    }

    @Test
    void claimsThatCannotBeTrustedIntoHeadersAreInvalid() {
        assertEquals(TokenProblem.INVALID_CLAIMS, problem(bearer(JwksServer.sign(KEY, JwksServer.claims("1\r\nX-User-Roles: admin").build()))));
        assertEquals(TokenProblem.INVALID_CLAIMS, problem(bearer(JwksServer.sign(KEY, JwksServer.claims("x".repeat(65)).build()))));
        assertEquals(TokenProblem.INVALID_CLAIMS, problem(bearer(JwksServer.sign(KEY, JwksServer.claims("1").claim("roles", "admin").build()))));
        assertEquals(TokenProblem.INVALID_CLAIMS, problem(bearer(JwksServer.sign(KEY, JwksServer.claims("1").expirationTime(null).build()))));
    }

    @Test
    void missingAndMalformedHeaders() {
        assertEquals(TokenProblem.MISSING, problem(null));
        assertEquals(TokenProblem.MISSING, problem("  "));
        assertEquals(TokenProblem.MALFORMED, problem("Basic dXNlcjpwYXNz"));
        assertEquals(TokenProblem.MALFORMED, problem("Bearer not-a-jwt"));
        assertEquals(TokenProblem.MALFORMED, problem("Bearer a.b.c"));
        assertEquals(TokenProblem.MALFORMED, problem("Bearer " + "a".repeat(9000) + ".b.c"));
        String token = JwksServer.sign(KEY, JwksServer.claims("42").build());
        assertInstanceOf(TokenVerification.Valid.class, verify("bearer " + token), "the scheme is case-insensitive");
    }

    @Test
    void anUnknownKidRefetchesTheKeysButRefetchesAreRateLimited() {
        assertInstanceOf(TokenVerification.Valid.class, verify(bearer(JwksServer.sign(KEY, JwksServer.claims("1").build()))));
        assertEquals(1, identity.fetches());

        RSAKey rotated = JwksServer.newKey("key-2");
        identity.publish(KEY, rotated);
        assertInstanceOf(TokenVerification.Valid.class, verify(bearer(JwksServer.sign(rotated, JwksServer.claims("1").build()))));
        assertEquals(2, identity.fetches(), "the new kid was fetched");

        for (int i = 0; i < 10; i++) {
            // The rotated key's material under kids nobody published: only the kid is unknown (and no key is generated).
            RSAKey unknown = new RSAKey.Builder(rotated).keyID("made-up-" + i).build();
            assertEquals(TokenProblem.UNKNOWN_KEY, problem(bearer(JwksServer.sign(unknown, JwksServer.claims("1").build()))));
        }
        assertTrue(identity.fetches() <= 4, "made-up kids must not each cause a fetch: " + identity.fetches());
        assertInstanceOf(TokenVerification.Valid.class, verify(bearer(JwksServer.sign(rotated, JwksServer.claims("1").build()))));
    }

    @Test
    void keysThatCannotBeFetchedAreA503NotTheClientsFault() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        keys.close();
        verifier = verifierFor(new URL("http://127.0.0.1:" + closedPort + "/.well-known/jwks.json"));
        TokenProblem problem = problem(bearer(JwksServer.sign(KEY, JwksServer.claims("1").build())));
        assertEquals(TokenProblem.KEYS_UNAVAILABLE, problem);
        assertEquals(503, problem.status());
    }

    @Test
    void everyChallengeIsSafeInAHeader() {
        for (TokenProblem problem : TokenProblem.values()) {
            String challenge = problem.wwwAuthenticate();
            assertTrue(challenge.chars().allMatch(c -> c >= 0x20 && c < 0x7f), challenge);
            assertFalse(problem.description().contains("\"") || problem.description().contains("\\"), problem.description());
            assertTrue(challenge.startsWith("Bearer "), challenge);
            assertEquals(problem != TokenProblem.MISSING, challenge.contains("error=\"invalid_token\""), challenge);
        }
    }
}
