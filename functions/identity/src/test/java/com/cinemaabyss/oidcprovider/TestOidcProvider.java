package com.cinemaabyss.oidcprovider;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real OpenID provider for identity's SSO tests: Spring Authorization Server (Boot's auto-configuration: OIDC
 * discovery, JWKS, form login, PKCE), its own SpringApplication in the test JVM on a free 127.0.0.1 port. Two clients:
 * {@code cinemaabyss} (confidential, client_secret_basic) and {@code cinemaabyss-public} (public, no secret), both
 * code flow with PKCE required and no consent page, redirecting to identity's callbacks. Users are added by the test
 * with the email claims their ID token carries. Lives outside com.cinemaabyss.identity so identity's component scan
 * never finds it; reads {@code oidc-provider.yaml} (absent) instead of application.yaml, so it gets none of identity's
 * configuration and keeps Boot's security auto-configuration.
 */
@SpringBootApplication
public class TestOidcProvider {

    public static final String CLIENT_ID = "cinemaabyss";
    public static final String CLIENT_SECRET = "the test client's secret";
    public static final String PUBLIC_CLIENT_ID = "cinemaabyss-public";
    public static final String PASSWORD = "the provider's password";

    /** What the ID token of a user says about them; {@code tamperNonce} makes the provider sign a wrong nonce. */
    public record Person(String email, boolean emailVerified, boolean tamperNonce) {
    }

    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();

    public static ConfigurableApplicationContext start(String redirectUri, String publicRedirectUri) {
        String client = "spring.security.oauth2.authorizationserver.client.";
        return new SpringApplicationBuilder(TestOidcProvider.class).properties(
                "spring.config.name=oidc-provider",
                "spring.main.banner-mode=off",
                "server.address=127.0.0.1",
                "server.port=0",
                client + "confidential.registration.client-id=" + CLIENT_ID,
                client + "confidential.registration.client-secret={noop}" + CLIENT_SECRET,
                client + "confidential.registration.client-authentication-methods=client_secret_basic",
                client + "confidential.registration.authorization-grant-types=authorization_code",
                client + "confidential.registration.redirect-uris=" + redirectUri,
                client + "confidential.registration.scopes=openid,email,profile",
                client + "confidential.require-proof-key=true",
                client + "confidential.require-authorization-consent=false",
                client + "public.registration.client-id=" + PUBLIC_CLIENT_ID,
                client + "public.registration.client-authentication-methods=none",
                client + "public.registration.authorization-grant-types=authorization_code",
                client + "public.registration.redirect-uris=" + publicRedirectUri,
                client + "public.registration.scopes=openid,email,profile",
                client + "public.require-proof-key=true",
                client + "public.require-authorization-consent=false"
        ).run();
    }

    /** Adds a user who logs in with {@link #PASSWORD}. */
    public void add(String username, Person person) {
        people.put(username, person);
        if (!users.userExists(username)) {
            users.createUser(User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build());
        }
    }

    @Bean
    InMemoryUserDetailsManager users() {
        return users;
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> emailClaims() {
        return context -> {
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                return;
            }
            Person person = people.get(context.getPrincipal().getName());
            if (person == null) {
                return;
            }
            if (person.email() != null) {
                context.getClaims().claim("email", person.email()).claim("email_verified", person.emailVerified());
            }
            if (person.tamperNonce()) {
                context.getClaims().claim(OidcParameterNames.NONCE, "not the nonce identity sent");
            }
        };
    }
}
