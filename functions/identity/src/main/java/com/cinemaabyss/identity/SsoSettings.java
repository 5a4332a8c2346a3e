package com.cinemaabyss.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Single sign-on with external OpenID Connect providers ({@code cinemaabyss.identity.sso}): the providers by name,
 * how long a started login may take to come back ({@code stateTtl}), how long a call to a provider may take
 * ({@code httpTimeout}) and how long a provider's discovered metadata is kept ({@code metadataTtl}). None configured by
 * default. Everything is checked at start-up, so a bad configuration stops the app with a message instead of failing
 * the first login.
 */
@ConfigurationProperties("cinemaabyss.identity.sso")
public record SsoSettings(Map<String, Provider> providers, @DefaultValue("10m") Duration stateTtl, @DefaultValue("5s") Duration httpTimeout,
                          @DefaultValue("1h") Duration metadataTtl) {

    public static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");
    static final int MAX_PROVIDERS = 20;
    private static final String PREFIX = "cinemaabyss.identity.sso.";

    public SsoSettings {
        providers = providers == null ? Map.of() : new TreeMap<>(providers);
        if (providers.size() > MAX_PROVIDERS) {
            throw new IllegalArgumentException(PREFIX + "providers: at most " + MAX_PROVIDERS + " providers, got " + providers.size());
        }
        for (String name : providers.keySet()) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(PREFIX + "providers: the name '" + name + "' must be 1 to 32 of a-z, 0-9 and '-'");
            }
            if (providers.get(name) == null) {
                throw new IllegalArgumentException(PREFIX + "providers." + name + " is empty");
            }
        }
        providers = Map.copyOf(providers);
        stateTtl = positive(stateTtl, Duration.ofHours(1), "state-ttl");
        httpTimeout = positive(httpTimeout, Duration.ofSeconds(60), "http-timeout");
        metadataTtl = positive(metadataTtl, Duration.ofDays(1), "metadata-ttl");
    }

    /** The provider of that name; empty for any name that is not configured, well-formed or not. */
    public Optional<Provider> provider(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(providers.get(name));
    }

    /**
     * One OpenID provider: its {@code issuer} (discovery reads {@code <issuer>/.well-known/openid-configuration}), the
     * client identity's registration there ({@code clientId}, and {@code clientSecret} for a confidential client, sent
     * with HTTP Basic; empty for a public client, which PKCE alone protects), the {@code redirectUri} registered with it
     * (identity's public {@code /api/auth/sso/<name>/callback}) and the {@code scopes} asked for ({@code openid} among
     * them). Issuer and redirect must be https, except on a loopback host (local development and the tests).
     */
    public record Provider(URI issuer, String clientId, String clientSecret, URI redirectUri,
                           @DefaultValue({"openid", "email", "profile"}) List<String> scopes) {

        static final int MAX_CLIENT_ID = 255;
        static final int MAX_SCOPES = 20;
        private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}");
        private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

        public Provider {
            issuer = url(issuer, "issuer");
            if (issuer.getRawQuery() != null || issuer.getRawFragment() != null) {
                throw new IllegalArgumentException("sso provider: 'issuer' must have no query or fragment, got " + issuer);
            }
            redirectUri = url(redirectUri, "redirect-uri");
            if (redirectUri.getRawFragment() != null) {
                throw new IllegalArgumentException("sso provider: 'redirect-uri' must have no fragment, got " + redirectUri);
            }
            if (clientId == null || clientId.isBlank() || clientId.length() > MAX_CLIENT_ID || !clientId.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("sso provider: 'client-id' is required, printable ASCII, at most " + MAX_CLIENT_ID + " characters");
            }
            clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
            scopes = scopes == null ? List.of("openid", "email", "profile") : List.copyOf(scopes);
            if (scopes.size() > MAX_SCOPES || !scopes.contains("openid") || !scopes.stream().allMatch(s -> SCOPE.matcher(s).matches())) {
                throw new IllegalArgumentException("sso provider: 'scopes' must include openid and be at most " + MAX_SCOPES
                        + " scope tokens (RFC 6749 3.3), got " + scopes);
            }
        }

        /** A public client (no secret): the token request names the client and proves PKCE, nothing more. */
        public boolean publicClient() {
            return clientSecret == null;
        }

        @Override
        public String toString() {
            return "Provider[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "(set)")
                    + ", redirectUri=" + redirectUri + ", scopes=" + scopes + "]";
        }

        private static URI url(URI value, String field) {
            if (value == null || !value.isAbsolute() || value.getHost() == null || value.getRawUserInfo() != null) {
                throw new IllegalArgumentException("sso provider: '" + field + "' must be an absolute URL with a host, got " + value);
            }
            String scheme = value.getScheme().toLowerCase(Locale.ROOT);
            boolean loopback = LOOPBACK.contains(value.getHost().toLowerCase(Locale.ROOT));
            if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
                throw new IllegalArgumentException("sso provider: '" + field + "' must be https (http only on a loopback host), got " + value);
            }
            return value;
        }
    }

    private static Duration positive(Duration value, Duration max, String field) {
        if (value == null || value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(PREFIX + field + " must be positive and at most " + max + ", got " + value);
        }
        return value;
    }
}
