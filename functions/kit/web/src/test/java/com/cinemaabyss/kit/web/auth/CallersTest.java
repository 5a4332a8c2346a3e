package com.cinemaabyss.kit.web.auth;

import com.cinemaabyss.kit.auth.JwksKeys;
import com.cinemaabyss.kit.auth.TokenVerifier;
import com.cinemaabyss.kit.core.ForbiddenException;
import com.cinemaabyss.kit.core.UnauthorizedException;
import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.kit.test.JwksServer;
import com.cinemaabyss.kit.test.TestIdentity;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.ServerRequest;

import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CallersTest {

    private final TestIdentity identity = TestIdentity.shared();
    private final Callers callers = callers(URI.create(String.valueOf(identity.properties().get("cinemaabyss.auth.jwks-url").get())));

    @Test
    void theCallerIsWhomTheTokenNames() {
        assertEquals(new Caller(42, Set.of("viewer")), callers.require(request(identity.bearer(42, "viewer"))));
        assertEquals(new Caller(7, Set.of("admin")), callers.requireRole(request(identity.bearer(7, "admin")), "content_manager"));
    }

    @Test
    void aBareUserHeaderIsNotBelieved() {
        MockHttpServletRequest servlet = new MockHttpServletRequest("GET", "/api/v1/things");
        servlet.addHeader("X-User-Id", "42");
        UnauthorizedException refused = assertThrows(UnauthorizedException.class,
                () -> callers.require(ServerRequest.create(servlet, List.of())));
        assertEquals("authentication required", refused.getMessage());
    }

    @Test
    void badTokensAreRefusedSayingWhy() {
        assertEquals("the bearer token is malformed",
                assertThrows(UnauthorizedException.class, () -> callers.require(request("Bearer not-a-jwt"))).getMessage());
        RSAKey stranger = JwksServer.newKey("test-key-1");
        assertEquals("the token signature is invalid", assertThrows(UnauthorizedException.class,
                () -> callers.require(request("Bearer " + JwksServer.sign(stranger, JwksServer.claims("42").build())))).getMessage());
        assertEquals("the token signature is invalid", assertThrows(UnauthorizedException.class,
                () -> callers.require(request("Bearer " + identity.token(42) + "x"))).getMessage());
        assertEquals("the token claims are invalid", assertThrows(UnauthorizedException.class,
                () -> callers.require(request(identity.bearer(0)))).getMessage());
    }

    @Test
    void aRoleTheCallerLacksIsForbidden() {
        ForbiddenException refused = assertThrows(ForbiddenException.class,
                () -> callers.requireRole(request(identity.bearer(42, "viewer")), "admin"));
        assertEquals("this needs the admin role", refused.getMessage());
    }

    @Test
    void keysThatCannotBeFetchedAreAnOutageNotTheCallersFault() {
        Callers nowhere = callers(URI.create("http://127.0.0.1:1/.well-known/jwks.json"));
        assertThrows(UnavailableException.class, () -> nowhere.require(request(identity.bearer(42))));
    }

    private static Callers callers(URI jwks) {
        try {
            URL url = jwks.toURL();
            JwksKeys keys = new JwksKeys(url, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(1), Clock.systemUTC());
            return new Callers(new TokenVerifier(keys, JwksServer.ISSUER, JwksServer.AUDIENCE, Duration.ofSeconds(30),
                    Clock.systemUTC(), Runnable::run));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServerRequest request(String authorization) {
        MockHttpServletRequest servlet = new MockHttpServletRequest("GET", "/api/v1/things");
        servlet.addHeader("Authorization", authorization);
        return ServerRequest.create(servlet, List.of());
    }
}
