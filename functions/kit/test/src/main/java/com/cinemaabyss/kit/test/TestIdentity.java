package com.cinemaabyss.kit.test;

import com.nimbusds.jose.jwk.RSAKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One identity stand-in per test JVM: a JWKS on 127.0.0.1 with one signing key, and access tokens signed with it as
 * identity signs them. A function app under test reads its callers through it ({@link #properties()}).
 */
public final class TestIdentity {

    private static TestIdentity shared;

    private final JwksServer server;
    private final RSAKey key;

    private TestIdentity() {
        try {
            server = new JwksServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        key = JwksServer.newKey("test-key-1");
        server.publish(key);
    }

    public static synchronized TestIdentity shared() {
        if (shared == null) {
            shared = new TestIdentity();
        }
        return shared;
    }

    /** The {@code cinemaabyss.auth.*} properties that point an app's callers at this stand-in, for a property registry. */
    public Map<String, Supplier<Object>> properties() {
        return Map.of("cinemaabyss.auth.jwks-url", () -> server.jwksUrl().toString(),
                "cinemaabyss.auth.issuer", () -> JwksServer.ISSUER,
                "cinemaabyss.auth.audience", () -> JwksServer.AUDIENCE);
    }

    /** An {@code Authorization} header value for the user, valid for 15 minutes. */
    public String bearer(long userId, String... roles) {
        return "Bearer " + token(userId, roles);
    }

    public String token(long userId, String... roles) {
        return JwksServer.sign(key, JwksServer.claims(Long.toString(userId), roles).build());
    }
}
