package com.cinemaabyss.gateway.web;

import com.cinemaabyss.gateway.FakeUpstream;
import com.cinemaabyss.kit.test.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hook authentication and rate limiting will use: a WebFilter runs before forwarding, can refuse with a JSON
 * error of its own status and headers, and can replace the headers the upstream sees. The filter here is a stand-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PreForwardingFilterIT {

    static final FakeUpstream monolith = new FakeUpstream("monolith");

    @LocalServerPort
    int port;
    TestHttp http;

    @TestConfiguration
    static class StandInIdentity {
        /** "Bearer user-N" names user N; anything else is refused; what the client said about itself is dropped. */
        @Bean
        WebFilter standInIdentity() {
            return (exchange, chain) -> {
                String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                if (authorization == null || !authorization.startsWith("Bearer user-")) {
                    return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "a bearer token is required") {
                        @Override
                        public HttpHeaders getHeaders() {
                            HttpHeaders headers = new HttpHeaders();
                            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            return headers;
                        }
                    });
                }
                String user = authorization.substring("Bearer ".length());
                return chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
                    headers.remove("X-User-Roles");
                    headers.set("X-User-Id", user);
                })).build());
            };
        }
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("cinemaabyss.gateway.monolith-url", monolith::url);
    }

    @AfterAll
    static void stop() {
        monolith.close();
    }

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
    }

    @Test
    void aFilterBeforeForwardingRefusesInJsonWithItsOwnStatusAndHeaders() {
        int hits = monolith.hits();
        HttpResponse<String> refused = http.get("/api/users/1", "X-User-Id", "admin");
        assertTrue(TestHttp.isJsonError(refused, 401, "bearer token is required"), refused.statusCode() + " " + refused.body());
        assertEquals("Bearer", refused.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals(hits, monolith.hits(), "a refused request is not forwarded");
    }

    @Test
    void theHeadersItSetsAreTheOnesTheUpstreamSees() {
        HttpResponse<String> passed = http.get("/api/users/1", "Authorization", "Bearer user-7", "X-User-Id", "admin",
                "X-User-Roles", "admin");
        assertEquals(200, passed.statusCode());
        JsonNode seen = FakeUpstream.echo(passed.body()).get("headers");
        assertEquals("user-7", seen.get("x-user-id").get(0).asString());
        assertEquals(1, seen.get("x-user-id").size());
        assertFalse(seen.has("x-user-roles"), seen.toString());
    }
}
