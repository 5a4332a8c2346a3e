package com.cinemaabyss.gateway.identity;

import com.cinemaabyss.kit.test.JwksServer;
import com.cinemaabyss.gateway.FakeUpstream;
import com.cinemaabyss.kit.test.TestHttp;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway as the place identity is checked: tokens verified against the published keys before anything is
 * forwarded, the upstreams told who the caller is only from the token, route classes by policy, rate limits per
 * user and per client address with their headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cinemaabyss.gateway.auth.legacy-auth=optional",
        // As behind the cluster's ingress: the last X-Forwarded-For entry is the client's address.
        "cinemaabyss.gateway.trusted-proxies=1",
        "cinemaabyss.gateway.auth.admin-token=",
        "cinemaabyss.gateway.rate-limit.anonymous.requests=5",
        "cinemaabyss.gateway.rate-limit.user.requests=1000"})
class GatewayAuthIT {

    static final FakeUpstream monolith = new FakeUpstream("monolith");
    static final FakeUpstream identity = new FakeUpstream("identity");
    static final FakeUpstream discounts = new FakeUpstream("discounts");
    static final FakeUpstream payments = new FakeUpstream("payments");
    static final FakeUpstream subscriptions = new FakeUpstream("subscriptions");
    static final FakeUpstream notifications = new FakeUpstream("notifications");
    static final RSAKey KEY = JwksServer.newKey("key-1");
    static final JwksServer keys = start();

    @LocalServerPort
    int port;
    TestHttp http;

    static JwksServer start() {
        try {
            JwksServer server = new JwksServer();
            server.publish(KEY);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("cinemaabyss.gateway.monolith-url", monolith::url);
        registry.add("cinemaabyss.gateway.identity-url", identity::url);
        registry.add("cinemaabyss.gateway.discounts-url", discounts::url);
        registry.add("cinemaabyss.gateway.payments-url", payments::url);
        registry.add("cinemaabyss.gateway.subscriptions-url", subscriptions::url);
        registry.add("cinemaabyss.gateway.notifications-url", notifications::url);
        registry.add("cinemaabyss.gateway.auth.jwks-url", () -> keys.jwksUrl().toString());
    }

    @AfterAll
    static void stop() {
        monolith.close();
        identity.close();
        discounts.close();
        payments.close();
        subscriptions.close();
        notifications.close();
        keys.close();
    }

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
    }

    @Test
    void theUpstreamSeesTheTokensSubjectAndRolesNeverWhatTheClientClaimed() {
        HttpResponse<String> passed = http.get("/api/users/7", "Authorization", bearer("42", "viewer", "content_manager"),
                "X-User-Id", "1", "x-user-roles", "admin", "X-User-Anything", "x");
        assertEquals(200, passed.statusCode(), passed.body());
        JsonNode seen = FakeUpstream.echo(passed.body()).get("headers");
        assertEquals("42", seen.get("x-user-id").get(0).asString());
        assertEquals(1, seen.get("x-user-id").size());
        assertEquals("viewer,content_manager", seen.get("x-user-roles").get(0).asString());
        assertFalse(seen.has("x-user-anything"), seen.toString());
        assertTrue(passed.headers().firstValue("RateLimit-Remaining").isPresent(), "the limit the caller is under is announced");
    }

    @Test
    void anAnonymousLegacyCallGoesThroughWithoutTheIdentityItClaimed() {
        HttpResponse<String> passed = http.get("/api/users/7", "X-User-Id", "1");
        assertEquals(200, passed.statusCode(), passed.body());
        assertFalse(FakeUpstream.echo(passed.body()).get("headers").has("x-user-id"));
    }

    @Test
    void forgedExpiredAndUnsignedTokensAre401WithAChallengeAndNeverForwarded() {
        int hits = monolith.hits();
        RSAKey stranger = JwksServer.newKey("key-1");
        String forged = JwksServer.sign(stranger, JwksServer.claims("42", "admin").build());
        Instant past = Instant.now().minusSeconds(3600);
        String expired = JwksServer.sign(KEY, new JWTClaimsSet.Builder(JwksServer.claims("42").build())
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(900))).build());
        String unsigned = new com.nimbusds.jwt.PlainJWT(JwksServer.claims("42", "admin").build()).serialize();
        assertRefused(http.get("/api/users/7", "Authorization", "Bearer " + forged), 401, "signature");
        assertRefused(http.get("/api/users/7", "Authorization", "Bearer " + expired), 401, "expired");
        assertRefused(http.get("/api/users/7", "Authorization", "Bearer " + unsigned), 401, "RS256");
        assertEquals(hits, monolith.hits(), "a refused request is not forwarded");
    }

    @Test
    void newApiRoutesNeedATokenAndAdminRoutesTheAdminRole() {
        HttpResponse<String> anonymous = http.get("/api/v1/entitlements/me");
        assertRefused(anonymous, 401, "bearer token is required");
        assertEquals("Bearer realm=\"cinemaabyss\"", anonymous.headers().firstValue("WWW-Authenticate").orElseThrow());
        HttpResponse<String> viewer = http.get("/admin/migration", "Authorization", bearer("42", "viewer"));
        assertTrue(TestHttp.isJsonError(viewer, 403, "admin role"), viewer.statusCode() + " " + viewer.body());
        assertTrue(viewer.headers().firstValue("WWW-Authenticate").orElseThrow().contains("insufficient_scope"));
        assertEquals(200, http.get("/admin/migration", "Authorization", bearer("1", "admin")).statusCode());
    }

    @Test
    void theMoneyRoutesGoToTheirFunctionsWithTheCallersToken() {
        String alice = bearer("42", "viewer");
        String[][] routes = {{"/api/v1/quotes", "discounts"}, {"/api/v1/loyalty/me", "discounts"},
                {"/api/v1/promo-codes", "discounts"}, {"/api/v1/checkouts/c1", "payments"}, {"/api/v1/payments/8/refunds", "payments"},
                {"/api/v1/subscriptions/me", "subscriptions"}, {"/api/v1/entitlements/me", "subscriptions"}};
        for (String[] route : routes) {
            HttpResponse<String> passed = http.get(route[0], "Authorization", alice);
            assertEquals(route[1], passed.headers().firstValue("X-Backend").orElseThrow(), route[0]);
            assertEquals(alice, FakeUpstream.echo(passed.body()).get("headers").get("authorization").get(0).asString(),
                    "the function verifies the token itself");
        }
        assertEquals("discounts", http.get("/api/v1/plans").headers().firstValue("X-Backend").orElseThrow(),
                "prices are public before anyone signs up");
        assertRefused(http.put("/api/v1/plans/basic", "{}"), 401, "bearer token is required");
    }

    @Test
    void notificationPreferencesNeedATokenAndOneClickUnsubscribeIsPublic() {
        String alice = bearer("42", "viewer");
        HttpResponse<String> preferences = http.get("/api/v1/me/notification-preferences", "Authorization", alice);
        assertEquals("notifications", preferences.headers().firstValue("X-Backend").orElseThrow());
        assertEquals(alice, FakeUpstream.echo(preferences.body()).get("headers").get("authorization").get(0).asString());
        assertRefused(http.get("/api/v1/me/notification-preferences"), 401, "bearer token is required");
        // A mail client posts the RFC 8058 link without a token: notifications checks the link's signature itself.
        HttpResponse<String> unsubscribe = http.post("/api/v1/notifications/unsubscribe?user=42&channel=email&sig=x", "");
        assertEquals("notifications", unsubscribe.headers().firstValue("X-Backend").orElseThrow(), unsubscribe.body());
        assertEquals("/api/v1/notifications/unsubscribe", FakeUpstream.echo(unsubscribe.body()).get("path").asString());
        assertRefused(http.put("/api/v1/notifications/unsubscribe", "{}"), 401, "bearer token is required");
    }

    @Test
    void theProvidersWebhooksArePublicAndNotRateLimited() {
        int hits = payments.hits();
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> webhook = http.post("/api/v1/payments/webhooks/sandbox", "{}", "X-Forwarded-For", "198.51.100.7");
            assertEquals(201, webhook.statusCode(), webhook.body()); // the fake upstream answers a POST with 201
            assertFalse(webhook.headers().firstValue("RateLimit-Remaining").isPresent());
        }
        assertEquals(hits + 8, payments.hits(), "more than the anonymous limit of 5, all forwarded: payments checks the signature");
        assertRefused(http.get("/api/v1/payments/webhooks/sandbox"), 401, "bearer token is required");
    }

    @Test
    void theAuthRoutesAndTheSigningKeysArePublicAndGoToIdentity() {
        HttpResponse<String> login = http.post("/api/auth/login", "{}");
        assertEquals("/api/auth/login", FakeUpstream.echo(login.body()).get("path").asString());
        assertEquals("identity", login.headers().firstValue("X-Backend").orElseThrow());
        assertEquals("identity", http.get("/.well-known/jwks.json").headers().firstValue("X-Backend").orElseThrow());
    }

    @Test
    void anonymousCallersAreLimitedPerAddressAndToldWhenToComeBack() {
        HttpResponse<String> last = null;
        for (int i = 0; i < 6 && (last == null || last.statusCode() != 429); i++) {
            last = http.get("/api/payments", "X-Forwarded-For", "203.0.113.9");
        }
        assertRefused(last, 429, "too many requests");
        assertTrue(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()) > 0);
        assertEquals("0", last.headers().firstValue("RateLimit-Remaining").orElseThrow());
        assertEquals(200, http.get("/api/payments", "X-Forwarded-For", "203.0.113.10").statusCode(),
                "another address has a bucket of its own");
        assertEquals(200, http.get("/api/payments", "X-Forwarded-For", "203.0.113.9", "Authorization", bearer("77", "viewer"))
                .statusCode(), "so has a signed-in user, wherever they call from");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String reason) {
        assertTrue(TestHttp.isJsonError(response, status, reason), response.statusCode() + " " + response.body());
    }

    private static String bearer(String subject, String... roles) {
        return "Bearer " + JwksServer.sign(KEY, JwksServer.claims(subject, roles).build());
    }
}
