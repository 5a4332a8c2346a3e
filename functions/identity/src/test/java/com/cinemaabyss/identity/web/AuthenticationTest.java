package com.cinemaabyss.identity.web;

import com.cinemaabyss.identity.IdentitySettings;
import com.cinemaabyss.identity.domain.Caller;
import com.cinemaabyss.identity.domain.Role;
import com.cinemaabyss.identity.security.AccessTokens;
import com.cinemaabyss.identity.security.SigningKeys;
import com.cinemaabyss.identity.security.SigningKeyStore;
import com.cinemaabyss.identity.KeySettings;
import com.cinemaabyss.identity.TokenSettings;
import com.cinemaabyss.kit.core.UnauthorizedException;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.ServerRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuthenticationTest {

    private static final TokenSettings TOKENS = new TokenSettings(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofHours(24), Duration.ofMinutes(30));
    private static final KeySettings KEYS = new KeySettings(Duration.ofDays(7), Duration.ofSeconds(60), Duration.ofSeconds(30));

    private final AccessTokens tokens = new AccessTokens(new SigningKeys(new MapStore(), KEYS, TOKENS, Clock.systemUTC()),
            new IdentitySettings("cinemaabyss-identity", "cinemaabyss-api", false), TOKENS, KEYS, Clock.systemUTC());

    @Test
    void aVerifiedTokenWinsOverTheHeaderAndABadTokenIsA401WhateverTheHeaderSays() {
        Authentication trusting = new Authentication(tokens, true);
        String token = tokens.issue(8, EnumSet.of(Role.VIEWER)).token();
        assertEquals(new Caller(8, Set.of(Role.VIEWER), true), trusting.caller(request(Map.of("Authorization", "Bearer " + token, "X-User-Id", "10"))));
        assertEquals(new Caller(8, Set.of(Role.VIEWER), true), trusting.caller(request(Map.of("Authorization", "bearer " + token))));
        assertThrows(UnauthorizedException.class, () -> trusting.caller(request(Map.of("Authorization", "Bearer x" + token, "X-User-Id", "10"))));
        assertThrows(UnauthorizedException.class, () -> trusting.caller(request(Map.of("Authorization", "Basic dTpw", "X-User-Id", "10"))));
    }

    @Test
    void aBareUserHeaderCountsOnlyWhenTheGatewayIsTrustedAndCarriesNoRoles() {
        assertEquals(new Caller(10, Set.of(), false), new Authentication(tokens, true).caller(request(Map.of("X-User-Id", "10"))));
        assertThrows(UnauthorizedException.class, () -> new Authentication(tokens, false).caller(request(Map.of("X-User-Id", "10"))));
        for (String bad : List.of("0", "-1", "1e3", "99999999999999999999", "", " 10", "10;drop")) {
            assertThrows(UnauthorizedException.class, () -> new Authentication(tokens, true).caller(request(Map.of("X-User-Id", bad))), bad);
        }
        assertThrows(UnauthorizedException.class, () -> new Authentication(tokens, true).caller(request(Map.of())));
    }

    private static ServerRequest request(Map<String, String> headers) {
        MockHttpServletRequest servlet = new MockHttpServletRequest("GET", "/api/auth/me");
        headers.forEach(servlet::addHeader);
        List<HttpMessageConverter<?>> converters = List.of();
        return ServerRequest.create(servlet, converters);
    }

    private static final class MapStore implements SigningKeyStore {
        private final Map<String, StoredKey> keys = new ConcurrentHashMap<>();

        @Override
        public List<StoredKey> all() {
            return List.copyOf(keys.values());
        }

        @Override
        public boolean createIfAbsent(StoredKey key, Instant expiresAt) {
            return keys.putIfAbsent(key.kid(), key) == null;
        }
    }
}
