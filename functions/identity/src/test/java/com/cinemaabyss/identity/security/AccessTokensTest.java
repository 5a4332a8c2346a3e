package com.cinemaabyss.identity.security;

import com.cinemaabyss.identity.IdentitySettings;
import com.cinemaabyss.identity.domain.Caller;
import com.cinemaabyss.identity.domain.Role;
import com.cinemaabyss.kit.core.UnauthorizedException;
import com.cinemaabyss.kit.test.MutableClock;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessTokensTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final SigningKeys keys = new SigningKeys(new InMemorySigningKeyStore(), SigningKeysTest.KEYS, SigningKeysTest.TOKENS, clock);
    private final AccessTokens tokens = new AccessTokens(keys, new IdentitySettings("cinemaabyss-identity", "cinemaabyss-api", false),
            SigningKeysTest.TOKENS, SigningKeysTest.KEYS, clock);

    @Test
    void anIssuedTokenCarriesTheClaimsAndVerifies() throws Exception {
        AccessTokens.Issued issued = tokens.issue(42, EnumSet.of(Role.VIEWER, Role.ADMIN));
        assertEquals(900, issued.expiresIn());
        SignedJWT jwt = SignedJWT.parse(issued.token());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals(keys.signingKey().getKeyID(), jwt.getHeader().getKeyID());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("cinemaabyss-identity", claims.getIssuer());
        assertEquals(List.of("cinemaabyss-api"), claims.getAudience());
        assertEquals("42", claims.getSubject());
        assertEquals(List.of("viewer", "admin"), claims.getStringListClaim("roles"));
        assertEquals(Date.from(clock.instant()), claims.getIssueTime());
        assertEquals(Date.from(clock.instant().plus(Duration.ofMinutes(15))), claims.getExpirationTime());
        assertTrue(claims.getJWTID().length() >= 32);
        assertEquals(new Caller(42, Set.of(Role.VIEWER, Role.ADMIN), true), tokens.verify(issued.token()));
    }

    @Test
    void anExpiredTokenIsRefusedOnceTheClockSkewIsOver() {
        String token = tokens.issue(7, EnumSet.of(Role.VIEWER)).token();
        clock.advance(Duration.ofMinutes(16).minusSeconds(1));
        assertEquals(7, tokens.verify(token).userId(), "within the skew");
        clock.advance(Duration.ofSeconds(2));
        assertInvalid(token);
    }

    @Test
    void aTokenSignedBeforeARotationStillVerifiesDuringTheOverlap() {
        String old = tokens.issue(7, EnumSet.of(Role.VIEWER)).token();
        clock.advance(Duration.ofDays(7).minusMinutes(1));
        String lastOfTheOldKey = tokens.issue(7, EnumSet.of(Role.VIEWER)).token();
        clock.advance(Duration.ofMinutes(2));
        String fresh = tokens.issue(7, EnumSet.of(Role.VIEWER)).token();
        assertTrue(!header(fresh).equals(header(lastOfTheOldKey)), "a new key signs after the rotation");
        assertEquals(7, tokens.verify(lastOfTheOldKey).userId());
        assertEquals(7, tokens.verify(fresh).userId());
        assertInvalid(old);
    }

    @Test
    void forgedUnsignedAndTamperedTokensAreRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("cinemaabyss-identity").audience("cinemaabyss-api").subject("1")
                .claim("roles", List.of("admin")).issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(clock.instant().plusSeconds(600))).jwtID("x").build();
        String kid = keys.signingKey().getKeyID();
        // Signed with a key of its own under our key id.
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(kid).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(new JOSEObjectType("at+jwt")).build(), claims);
        forged.sign(new RSASSASigner(stranger));
        assertInvalid(forged.serialize());
        // alg none.
        assertInvalid(new PlainJWT(claims).serialize());
        assertInvalid(base64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}") + "." + base64(claims.toString()) + ".");
        // HS256 with the public key as the secret (algorithm confusion).
        byte[] secret = keys.signingKey().toRSAPublicKey().getEncoded();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).type(new JOSEObjectType("at+jwt")).build(), claims);
        hmac.sign(new MACSigner(java.util.Arrays.copyOf(secret, Math.max(32, secret.length))));
        assertInvalid(hmac.serialize());
        // A real token with its claims swapped.
        String real = tokens.issue(5, EnumSet.of(Role.VIEWER)).token();
        String[] parts = real.split("\\.");
        assertInvalid(parts[0] + "." + base64(claims.toString()) + "." + parts[2]);
        assertInvalid("not a token");
        assertInvalid("");
        assertInvalid("a".repeat(10_000));
    }

    @Test
    void aTokenForAnotherAudienceOrFromAnotherIssuerOrOfAnotherTypeIsRefused() throws Exception {
        RSAKey key = keys.signingKey();
        assertInvalid(sign(key, "at+jwt", "someone-else", "cinemaabyss-api"));
        assertInvalid(sign(key, "at+jwt", "cinemaabyss-identity", "another-api"));
        assertInvalid(sign(key, "JWT", "cinemaabyss-identity", "cinemaabyss-api"));
        assertEquals(3, tokens.verify(sign(key, "at+jwt", "cinemaabyss-identity", "cinemaabyss-api")).userId(), "the control");
    }

    private String sign(RSAKey key, String type, String issuer, String audience) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("3").claim("roles", List.of("viewer"))
                .issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plusSeconds(600))).jwtID("j").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(new JOSEObjectType(type)).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void assertInvalid(String token) {
        UnauthorizedException refused = assertThrows(UnauthorizedException.class, () -> tokens.verify(token));
        assertEquals(AccessTokens.INVALID, refused.getMessage());
    }

    private static String header(String token) {
        return token.substring(0, token.indexOf('.'));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
