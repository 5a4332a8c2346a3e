package com.cinemaabyss.identity.security;

import com.cinemaabyss.identity.IdentitySettings;
import com.cinemaabyss.identity.KeySettings;
import com.cinemaabyss.identity.TokenSettings;
import com.cinemaabyss.identity.domain.Caller;
import com.cinemaabyss.identity.domain.Role;
import com.cinemaabyss.identity.domain.Roles;
import com.cinemaabyss.kit.core.UnauthorizedException;
import com.cinemaabyss.kit.core.UnavailableException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Access tokens: JWTs signed RS256 with the current {@link SigningKeys} key ({@code kid} in the header, {@code typ}
 * at+jwt as RFC 9068 has it), with {@code iss}, {@code aud}, {@code sub} (the user id), {@code roles}, {@code iat},
 * {@code exp} and {@code jti}. Verification is Nimbus's processor: only RS256 with a published key, the right type,
 * issuer and audience, not expired (up to the clock skew), every claim present. Whatever is wrong, the caller
 * hears the same 401.
 */
public class AccessTokens {

    public static final String INVALID = "invalid or expired access token";
    private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    private static final int MAX_TOKEN_LENGTH = 8_192;

    /** A token and how many seconds it works. */
    public record Issued(String token, long expiresIn) {
    }

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final TokenSettings tokens;
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public AccessTokens(SigningKeys keys, IdentitySettings identity, TokenSettings tokens, KeySettings keySettings, Clock clock) {
        this.keys = keys;
        this.issuer = identity.issuer();
        this.audience = identity.audience();
        this.tokens = tokens;
        this.clock = clock;
        JWKSource<SecurityContext> published = (selector, context) -> {
            List<JWK> found = selector.select(keys.published());
            return found.isEmpty() ? selector.select(keys.publishedAfresh()) : found;
        };
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, published));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(audience),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "iat", "exp", "jti", "roles"), null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) keySettings.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    public Issued issue(long userId, Set<Role> roles) {
        RSAKey key = keys.signingKey();
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(Long.toString(userId))
                .claim("roles", Roles.names(roles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(tokens.accessTtl())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(TYPE).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
        return new Issued(jwt.serialize(), tokens.accessTtl().toSeconds());
    }

    /** Who the token says the caller is, if it is one of ours and still valid; a 401 otherwise. */
    public Caller verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new UnauthorizedException(INVALID);
        }
        try {
            JWTClaimsSet claims = processor.process(token, null);
            long userId = Long.parseLong(claims.getSubject());
            if (userId < 1) {
                throw new UnauthorizedException(INVALID);
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : claims.getStringListClaim("roles")) {
                roles.add(Role.of(role, "roles"));
            }
            return new Caller(userId, roles, true);
        } catch (UnavailableException keysUnreadable) {
            throw keysUnreadable;
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException invalid) {
            // Malformed, unsigned (alg none), signed with another key or algorithm, expired, for someone else, roles
            // this service does not know: the caller learns only that the token is not valid.
            throw new UnauthorizedException(INVALID);
        }
    }
}
