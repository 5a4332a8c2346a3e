package com.cinemaabyss.identity.sso;

import com.cinemaabyss.identity.SsoSettings;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.UnauthorizedException;
import com.cinemaabyss.kit.core.UnavailableException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * identity as an OpenID Connect relying party (Nimbus OAuth 2.0 SDK with OpenID Connect extensions): discovers each
 * provider from its issuer (kept {@code metadataTtl}; a failed discovery is not kept), builds authorization requests
 * (code flow, PKCE S256, state, nonce), redeems codes at the token endpoint and validates the ID token it answers with
 * (signature by a key from the provider's JWKS, one of the asymmetric algorithms it announces; issuer; audience the
 * client id; the login's nonce; expiry within 60 s of skew). A provider that cannot be reached, or answers nonsense,
 * is a 503; what the provider refuses (a bad or used code) a 400; an ID token that does not validate a 401.
 */
public class OidcProviders {

    /** Asymmetric only: an HMAC-signed ID token would be checked with the client secret, which a public client has not got. */
    static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256,
            JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);
    static final int MAX_CLOCK_SKEW_SECONDS = 60;
    static final int MAX_JWKS_BYTES = 256 * 1024;
    static final int MAX_SUBJECT = 255;
    private static final Logger log = LoggerFactory.getLogger(OidcProviders.class);

    private final SsoSettings settings;
    private final Clock clock;
    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator, Instant at) {
    }

    public OidcProviders(SsoSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The URL that starts a login at the provider, for a login identity stored under {@code state}. */
    public URI authorizationUrl(String name, SsoSettings.Provider provider, String state, String nonce, String codeVerifier) {
        OIDCProviderMetadata metadata = discover(name, provider).metadata();
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(provider.scopes().toArray(String[]::new)),
                new ClientID(provider.clientId()), provider.redirectUri())
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(new State(state))
                .nonce(new Nonce(nonce))
                .codeChallenge(new CodeVerifier(codeVerifier), CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** Redeems the code (proving PKCE with the verifier) and answers who the validated ID token says logged in. */
    public ExternalIdentity redeem(String name, SsoSettings.Provider provider, String code, String codeVerifier, String nonce) {
        Discovered at = discover(name, provider);
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), provider.redirectUri(), new CodeVerifier(codeVerifier));
        URI endpoint = at.metadata().getTokenEndpointURI();
        TokenRequest request = provider.publicClient()
                ? new TokenRequest(endpoint, new ClientID(provider.clientId()), grant)
                : new TokenRequest(endpoint, new ClientSecretBasic(new ClientID(provider.clientId()), new Secret(provider.clientSecret())), grant);
        TokenResponse response = tokenResponse(name, bounded(request.toHTTPRequest()));
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            if (OAuth2Error.INVALID_CLIENT.getCode().equals(error.getCode()) || OAuth2Error.UNAUTHORIZED_CLIENT.getCode().equals(error.getCode())) {
                log.error("provider {} refuses identity's client registration: {}", name, error.getCode());
                throw new UnavailableException("single sign-on with '" + name + "' is misconfigured (the provider refuses identity as a client)", null);
            }
            throw new InvalidInputException("the provider did not accept the authorization code: " + describe(error) + "; start the login again");
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new UnauthorizedException("the provider answered without an ID token");
        }
        IDTokenClaimsSet claims;
        try {
            claims = at.validator().validate(idToken, new Nonce(nonce));
        } catch (BadJOSEException invalid) {
            throw new UnauthorizedException("invalid ID token: " + invalid.getMessage());
        } catch (JOSEException keysUnavailable) {
            throw new UnavailableException("the keys of single sign-on provider '" + name + "' cannot be read; retry", keysUnavailable);
        }
        return identity(name, claims);
    }

    static ExternalIdentity identity(String name, IDTokenClaimsSet claims) {
        String subject = claims.getSubject().getValue();
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
            throw new UnauthorizedException("invalid ID token: 'sub' must be 1 to " + MAX_SUBJECT + " characters");
        }
        Object verified = claims.getClaim("email_verified");
        boolean emailVerified = Boolean.TRUE.equals(verified) || "true".equals(verified);
        String email = claims.getClaim("email") instanceof String text && !text.isBlank() ? text.strip() : null;
        String suggested = firstText(claims, "preferred_username", "name", "nickname");
        return new ExternalIdentity(name, claims.getIssuer().getValue(), subject, email, email != null && emailVerified, suggested);
    }

    private static String firstText(IDTokenClaimsSet claims, String... names) {
        for (String claim : names) {
            if (claims.getClaim(claim) instanceof String text && !text.isBlank()) {
                return text.strip();
            }
        }
        return null;
    }

    private Discovered discover(String name, SsoSettings.Provider provider) {
        Discovered known = discovered.get(name);
        if (known != null && known.at().plus(settings.metadataTtl()).isAfter(clock.instant())) {
            return known;
        }
        Discovered fresh = load(name, provider);
        discovered.put(name, fresh);
        return fresh;
    }

    private Discovered load(String name, SsoSettings.Provider provider) {
        int timeout = timeoutMillis();
        OIDCProviderMetadata metadata;
        try {
            // Also checks that the document names the configured issuer (OpenID Connect Discovery 4.3).
            metadata = OIDCProviderMetadata.resolve(new Issuer(provider.issuer()), timeout, timeout);
        } catch (IOException | GeneralException | RuntimeException e) {
            log.warn("discovery of single sign-on provider {} at {} failed: {}", name, provider.issuer(), e.toString());
            throw new UnavailableException("single sign-on provider '" + name + "' is not available; retry later", e);
        }
        List<JWSAlgorithm> announced = metadata.getIDTokenJWSAlgs() == null ? List.of() : metadata.getIDTokenJWSAlgs();
        Set<JWSAlgorithm> usable = announced.stream().filter(ACCEPTED::contains).collect(java.util.stream.Collectors.toSet());
        if (usable.isEmpty() || metadata.getJWKSetURI() == null || metadata.getTokenEndpointURI() == null) {
            log.error("single sign-on provider {} announces no asymmetric ID token algorithm, JWKS or token endpoint: {}", name, announced);
            throw new UnavailableException("single sign-on provider '" + name + "' cannot be used (its metadata lacks what a login needs)", null);
        }
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(), new DefaultResourceRetriever(timeout, timeout, MAX_JWKS_BYTES)).build();
        } catch (java.net.MalformedURLException e) {
            throw new UnavailableException("single sign-on provider '" + name + "' has an unusable jwks_uri", e);
        }
        IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(provider.clientId()),
                new JWSVerificationKeySelector<>(usable, keys), null);
        validator.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        return new Discovered(metadata, validator, clock.instant());
    }

    private TokenResponse tokenResponse(String name, HTTPRequest request) {
        HTTPResponse http;
        try {
            http = request.send();
        } catch (IOException e) {
            throw new UnavailableException("single sign-on provider '" + name + "' is not available; retry later", e);
        }
        if (http.getStatusCode() >= 500) {
            throw new UnavailableException("single sign-on provider '" + name + "' failed (HTTP " + http.getStatusCode() + "); retry later", null);
        }
        try {
            return OIDCTokenResponseParser.parse(http);
        } catch (ParseException e) {
            log.warn("unparseable token response from single sign-on provider {}: {}", name, e.getMessage());
            throw new UnavailableException("single sign-on provider '" + name + "' answered something that is no token response", e);
        }
    }

    private HTTPRequest bounded(HTTPRequest request) {
        request.setConnectTimeout(timeoutMillis());
        request.setReadTimeout(timeoutMillis());
        request.setFollowRedirects(false);
        return request;
    }

    private int timeoutMillis() {
        return (int) settings.httpTimeout().toMillis();
    }

    /** The provider's error code (and description), cut to what RFC 6749 allows in them, for the 400's message. */
    private static String describe(ErrorObject error) {
        String code = error.getCode() == null ? "unknown_error" : error.getCode();
        String text = error.getDescription() == null ? code : code + " (" + error.getDescription() + ")";
        String printable = text.replaceAll("[^\\x20-\\x7E]", "");
        return printable.length() > 300 ? printable.substring(0, 300) : printable;
    }
}
