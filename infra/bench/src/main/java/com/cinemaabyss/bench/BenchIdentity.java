package com.cinemaabyss.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The identity service as far as the gateway's token check sees it, for the JWT benchmark: an RSA key generated
 * for this run, its public half served as a JWKS on 127.0.0.1 ({@code /.well-known/jwks.json}, where the gateway
 * looks under {@code IDENTITY_URL}), and access tokens signed with it the way identity signs them (RS256, header
 * {@code kid} and {@code typ: at+jwt}; {@code iss}, {@code aud}, {@code sub}, {@code roles}, {@code iat}, {@code exp},
 * {@code jti}).
 */
final class BenchIdentity implements AutoCloseable {

    static final String ISSUER = "cinemaabyss-identity";
    static final String AUDIENCE = "cinemaabyss-api";
    static final String JWKS_PATH = "/.well-known/jwks.json";
    static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");
    static final int KEY_BITS = 2048;
    /** The gateway's sticky split puts a user in one of this many buckets (CRC32 of the user id, modulo). */
    static final int SPLIT_BUCKETS = 100;

    private final RSAKey key;
    private final HttpServer server;

    private BenchIdentity(RSAKey key) throws IOException {
        this.key = key;
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(JWKS_PATH, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    static BenchIdentity start() {
        try {
            return new BenchIdentity(new RSAKeyGenerator(KEY_BITS).keyID("bench-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate the benchmark's RSA key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the gateway's {@code IDENTITY_URL} is set to; its JWKS is under {@link #JWKS_PATH}. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A viewer's access token for {@code subject}, valid from now for {@code validFor}. */
    String token(String subject, Duration validFor) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .claim("roles", List.of("viewer")).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(validFor)))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(ACCESS_TOKEN).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * Access tokens of the numeric subjects {@code first} .. {@code first + count - 1}, in that order, valid for as long
     * as any run lasts ({@link BenchmarkSuite#LONGEST_RUN}).
     */
    List<String> tokens(long first, int count) {
        List<String> tokens = new ArrayList<>();
        for (long subject = first; subject < first + count; subject++) {
            tokens.add(token(Long.toString(subject), BenchmarkSuite.LONGEST_RUN));
        }
        return tokens;
    }

    /**
     * One user id per bucket of the gateway's sticky split, so that users drawn at random per request go to the
     * catalog in the configured share, as anonymous requests do (one user would send everything to one side). The
     * gateway's own counters check the share it achieved.
     */
    static List<String> oneUserPerSplitBucket() {
        String[] users = new String[SPLIT_BUCKETS];
        int found = 0;
        for (int i = 0; found < SPLIT_BUCKETS; i++) {
            String user = "bench-user-" + i;
            int bucket = bucket(user);
            if (users[bucket] == null) {
                users[bucket] = user;
                found++;
            }
        }
        return new ArrayList<>(List.of(users));
    }

    static int bucket(String userId) {
        CRC32 crc = new CRC32();
        crc.update(userId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % SPLIT_BUCKETS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
