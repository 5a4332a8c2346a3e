package com.cinemaabyss.gateway.identity;

import com.cinemaabyss.kit.auth.JwksKeys;
import com.cinemaabyss.kit.auth.TokenVerifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.MalformedURLException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The identity checks as beans, for whichever HTTP server runs the gateway: it calls
 * {@link AccessGuard#check} and applies {@link IdentityHeaders}. Nothing here talks to the network at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthSettings.class)
public class IdentityConfiguration {

    @Bean(destroyMethod = "close")
    JwksKeys jwksKeys(AuthSettings settings) throws MalformedURLException {
        return new JwksKeys(settings.jwksUrl().toURL(), settings.keysTimeToLive(), settings.keysMinRefetchInterval(),
                settings.keysHttpTimeout(), Clock.systemUTC());
    }

    /** Where a key fetch waits, never an event loop: a virtual thread per fetch (fetches are rare and rate-limited). */
    @Bean(destroyMethod = "close")
    ExecutorService jwksFetches() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("jwks-fetch-", 0).factory());
    }

    @Bean
    TokenVerifier tokenVerifier(AuthSettings settings, JwksKeys keys, ExecutorService jwksFetches) {
        return new TokenVerifier(keys, settings.issuer(), settings.audience(), settings.clockSkew(), Clock.systemUTC(), jwksFetches);
    }

    @Bean
    AccessGuard accessGuard(AuthSettings settings, TokenVerifier verifier) {
        return new AccessGuard(AccessPolicy.of(settings), verifier, settings.adminToken());
    }
}
