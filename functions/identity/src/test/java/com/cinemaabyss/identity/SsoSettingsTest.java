package com.cinemaabyss.identity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SsoSettingsTest {

    private static final URI ISSUER = URI.create("https://login.example.com/realms/cinema");
    private static final URI REDIRECT = URI.create("https://cinemaabyss.example.com/api/auth/sso/corp/callback");

    @Test
    void providersComeFromTheEnvironmentAsTheReadmeSays() {
        SsoSettings settings = bind(Map.of(
                "CINEMAABYSS_IDENTITY_SSO_PROVIDERS_CORP_ISSUER", ISSUER.toString(),
                "CINEMAABYSS_IDENTITY_SSO_PROVIDERS_CORP_CLIENTID", "cinemaabyss",
                "CINEMAABYSS_IDENTITY_SSO_PROVIDERS_CORP_CLIENTSECRET", "s3cret",
                "CINEMAABYSS_IDENTITY_SSO_PROVIDERS_CORP_REDIRECTURI", REDIRECT.toString(),
                "CINEMAABYSS_IDENTITY_SSO_PROVIDERS_CORP_SCOPES", "openid,email"));
        SsoSettings.Provider corp = settings.provider("corp").orElseThrow();
        assertEquals(ISSUER, corp.issuer());
        assertEquals("cinemaabyss", corp.clientId());
        assertEquals("s3cret", corp.clientSecret());
        assertEquals(REDIRECT, corp.redirectUri());
        assertEquals(List.of("openid", "email"), corp.scopes());
        assertEquals(Duration.ofMinutes(10), settings.stateTtl());
        assertTrue(corp.toString().contains("clientSecret=(set)") && !corp.toString().contains("s3cret"), "the secret never reaches a log");
    }

    @Test
    void noProvidersByDefaultAndUnknownNamesAreNone() {
        SsoSettings none = bind(Map.of());
        assertEquals(Map.of(), none.providers());
        assertTrue(none.provider("corp").isEmpty());
        assertTrue(none.provider(null).isEmpty());
    }

    @Test
    void aProviderWithoutSecretIsPublicAndAsksForOpenidEmailProfile() {
        SsoSettings.Provider provider = new SsoSettings.Provider(ISSUER, "app", " ", REDIRECT, null);
        assertTrue(provider.publicClient());
        assertNull(provider.clientSecret());
        assertEquals(List.of("openid", "email", "profile"), provider.scopes());
    }

    @Test
    void badProvidersStopTheStartWithAMessage() {
        refused(() -> new SsoSettings.Provider(URI.create("http://login.example.com"), "app", null, REDIRECT, null), "'issuer' must be https");
        refused(() -> new SsoSettings.Provider(URI.create("/relative"), "app", null, REDIRECT, null), "'issuer' must be an absolute URL");
        refused(() -> new SsoSettings.Provider(URI.create("https://user:pw@login.example.com"), "app", null, REDIRECT, null), "absolute URL with a host");
        refused(() -> new SsoSettings.Provider(URI.create("https://login.example.com?x=1"), "app", null, REDIRECT, null), "no query or fragment");
        refused(() -> new SsoSettings.Provider(ISSUER, "app", null, URI.create("http://cinemaabyss.example.com/cb"), null), "'redirect-uri' must be https");
        refused(() -> new SsoSettings.Provider(ISSUER, "app", null, null, null), "'redirect-uri' must be an absolute URL");
        refused(() -> new SsoSettings.Provider(ISSUER, " ", null, REDIRECT, null), "'client-id' is required");
        refused(() -> new SsoSettings.Provider(ISSUER, "x".repeat(256), null, REDIRECT, null), "'client-id' is required");
        refused(() -> new SsoSettings.Provider(ISSUER, "app", null, REDIRECT, List.of("email")), "'scopes' must include openid");
        refused(() -> new SsoSettings.Provider(ISSUER, "app", null, REDIRECT, List.of("openid", "a b")), "'scopes' must include openid");
        // Loopback hosts may use http: local development and the tests.
        new SsoSettings.Provider(URI.create("http://127.0.0.1:9000"), "app", null, URI.create("http://localhost:8083/cb"), null);
    }

    @Test
    void badNamesAndDurationsStopTheStartWithAMessage() {
        SsoSettings.Provider provider = new SsoSettings.Provider(ISSUER, "app", null, REDIRECT, null);
        Duration minute = Duration.ofMinutes(1);
        refused(() -> new SsoSettings(Map.of("Corp", provider), minute, minute, minute), "the name 'Corp' must be 1 to 32 of a-z, 0-9 and '-'");
        refused(() -> new SsoSettings(Map.of("x".repeat(33), provider), minute, minute, minute), "must be 1 to 32");
        refused(() -> new SsoSettings(Map.of(), Duration.ZERO, minute, minute), "state-ttl must be positive");
        refused(() -> new SsoSettings(Map.of(), Duration.ofHours(2), minute, minute), "state-ttl must be positive and at most PT1H");
        refused(() -> new SsoSettings(Map.of(), minute, Duration.ofMinutes(5), minute), "http-timeout");
        assertEquals(provider, new SsoSettings(Map.of("corp-sso", provider), minute, minute, minute).provider("corp-sso").orElseThrow());
    }

    @Test
    void aBadProviderInTheEnvironmentFailsTheBinding() {
        BindException failed = assertThrows(BindException.class, () -> bind(Map.of(
                "CINEMAABYSS_IDENTITY_SSO_PROVIDERS_CORP_ISSUER", "http://login.example.com",
                "CINEMAABYSS_IDENTITY_SSO_PROVIDERS_CORP_CLIENTID", "cinemaabyss",
                "CINEMAABYSS_IDENTITY_SSO_PROVIDERS_CORP_REDIRECTURI", REDIRECT.toString())));
        assertTrue(rootMessage(failed).contains("'issuer' must be https"), rootMessage(failed));
    }

    private static SsoSettings bind(Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.get(env)).bindOrCreate("cinemaabyss.identity.sso", SsoSettings.class);
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static void refused(Runnable action, String fragment) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(refused.getMessage().contains(fragment), refused.getMessage());
    }
}
