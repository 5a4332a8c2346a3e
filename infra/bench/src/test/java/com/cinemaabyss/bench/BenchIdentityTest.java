package com.cinemaabyss.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchIdentityTest {

    @Test
    void servesThePublicKeyOnLoopbackAndSignsTokensAsIdentityDoes() throws Exception {
        try (BenchIdentity identity = BenchIdentity.start(); HttpClient http = HttpClient.newHttpClient()) {
            URI jwks = identity.url().resolve(BenchIdentity.JWKS_PATH);
            assertEquals("127.0.0.1", jwks.getHost());
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(jwks).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            JWKSet keys = JWKSet.parse(response.body());
            assertEquals(1, keys.size());
            RSAKey key = keys.getKeys().getFirst().toRSAKey();
            assertFalse(key.isPrivate(), "only the public half is served");
            assertEquals(BenchIdentity.KEY_BITS, key.size());

            Instant before = Instant.now();
            SignedJWT token = SignedJWT.parse(identity.token("user-7", Duration.ofMinutes(9)));
            assertTrue(token.verify(new RSASSAVerifier(key)), "signed with the key the JWKS serves");
            assertEquals(JWSAlgorithm.RS256, token.getHeader().getAlgorithm());
            assertEquals(key.getKeyID(), token.getHeader().getKeyID());
            assertEquals("at+jwt", token.getHeader().getType().getType());
            var claims = token.getJWTClaimsSet();
            assertEquals("cinemaabyss-identity", claims.getIssuer());
            assertEquals(List.of("cinemaabyss-api"), claims.getAudience());
            assertEquals("user-7", claims.getSubject());
            assertEquals(List.of("viewer"), claims.getStringListClaim("roles"));
            Duration valid = Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
            assertEquals(Duration.ofMinutes(9), valid);
            assertFalse(claims.getIssueTime().toInstant().isBefore(before.minusSeconds(1)));
        }
    }

    @Test
    void oneUserPerBucketOfTheGatewaysStickySplit() {
        List<String> users = BenchIdentity.oneUserPerSplitBucket();
        assertEquals(BenchIdentity.SPLIT_BUCKETS, users.size());
        Set<Integer> buckets = new HashSet<>();
        users.forEach(user -> buckets.add(BenchIdentity.bucket(user)));
        assertEquals(BenchIdentity.SPLIT_BUCKETS, buckets.size(), "no bucket twice, so none is missing");
        assertEquals(GatewayOverhead.MOVIES_PERCENT, users.stream().filter(user -> BenchIdentity.bucket(user) < GatewayOverhead.MOVIES_PERCENT).count(),
                "drawn at random, they reach the catalog in the configured share");
    }

    @Test
    void theWrkScriptSendsOneOfTheTokensWithEveryRequest(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Wrk wrk = new Wrk(dir);
        String script = Files.readString(Path.of(wrk.randomIdScript("t", "/api/movies?id={id}", 1000, List.of("a.b.c", "d.e.f"))));
        assertTrue(script.contains("local tokens = { \"a.b.c\", \"d.e.f\" }"), script);
        assertTrue(script.contains("[\"Authorization\"] = \"Bearer \" .. tokens[math.random(1, #tokens)]"), script);
        assertTrue(script.contains("math.random(1, 1000)"), script);
        assertThrows(IllegalArgumentException.class, () -> wrk.randomIdScript("t", "/x?id={id}", 1, List.of("a.b.c\" .. os.exit() .. \"")));
        assertThrows(IllegalArgumentException.class, () -> wrk.randomIdScript("t", "/x?id={id}", 1, List.of()));
    }
}
