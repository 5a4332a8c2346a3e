package com.cinemaabyss.gateway.identity;

import com.cinemaabyss.kit.auth.JwksKeys;
import com.cinemaabyss.kit.auth.TokenVerifier;
import com.cinemaabyss.kit.auth.TokenProblem;
import com.cinemaabyss.kit.auth.Identity;
import com.cinemaabyss.kit.auth.Role;
import com.cinemaabyss.kit.test.JwksServer;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The route policy as shipped in application.yaml, under each LEGACY_AUTH mode. */
class AccessGuardTest {

    private static final RSAKey KEY = JwksServer.newKey("key-1");
    private static final String ADMIN_TOKEN = "s3cret-admin-token";
    private static JwksServer identity;
    private static JwksKeys keys;
    private static TokenVerifier verifier;
    private static final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();

    private static final String VIEWER = "Bearer " + JwksServer.sign(KEY, JwksServer.claims("7", "viewer").build());
    private static final String ADMIN = "Bearer " + JwksServer.sign(KEY, JwksServer.claims("1", "admin").build());
    private static final String FORGED = "Bearer " + JwksServer.sign(JwksServer.newKey("key-1"), JwksServer.claims("1", "admin").build());

    @BeforeAll
    static void start() throws IOException {
        identity = new JwksServer();
        identity.publish(KEY);
        keys = new JwksKeys(identity.jwksUrl(), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(1), Clock.systemUTC());
        verifier = new TokenVerifier(keys, JwksServer.ISSUER, JwksServer.AUDIENCE, Duration.ofSeconds(30), Clock.systemUTC(), blocking);
    }

    @AfterAll
    static void stop() throws IOException {
        keys.close();
        identity.close();
        blocking.close();
    }

    /** The shipped settings, with LEGACY_AUTH as given. */
    static AuthSettings shipped(String legacyAuth) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("LEGACY_AUTH", legacyAuth)));
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))) {
            environment.getPropertySources().addLast(source);
        }
        return new Binder(ConfigurationPropertySources.get(environment), new org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver(environment))
                .bind("cinemaabyss.gateway.auth", AuthSettings.class).get();
    }

    private static AccessGuard guard(String legacyAuth) throws IOException {
        return new AccessGuard(AccessPolicy.of(shipped(legacyAuth)), verifier, ADMIN_TOKEN);
    }

    private static AccessDecision decide(AccessGuard guard, String method, String path, String authorization) {
        return guard.check(method, path, authorization).join();
    }

    private static void allowedAs(AccessDecision decision, String userId) {
        AccessDecision.Allowed allowed = assertInstanceOf(AccessDecision.Allowed.class, decision);
        assertEquals(Optional.ofNullable(userId), allowed.identity().map(Identity::userId));
    }

    private static void unauthorized(AccessDecision decision, TokenProblem problem) {
        assertEquals(problem, assertInstanceOf(AccessDecision.Unauthorized.class, decision).problem());
        assertEquals(401, ((AccessDecision.Denied) decision).status());
    }

    @Test
    void theShippedSettingsBind() throws IOException {
        AuthSettings settings = shipped("off");
        assertEquals(LegacyAuth.OFF, settings.legacyAuth());
        assertEquals("http://127.0.0.1:8083/.well-known/jwks.json", settings.jwksUrl().toString());
        assertEquals(Duration.ofSeconds(30), settings.clockSkew());
        assertEquals(LegacyAuth.REQUIRED, shipped("required").legacyAuth());
    }

    @Test
    void legacyOffIgnoresTokensEvenBadOnes() throws IOException {
        AccessGuard guard = guard("off");
        for (String path : new String[]{"/api/movies", "/api/users", "/api/payments", "/api/subscriptions", "/api/events/movie"}) {
            allowedAs(decide(guard, "GET", path, null), null);
            allowedAs(decide(guard, "POST", path, FORGED), null);
            allowedAs(decide(guard, "GET", path, VIEWER), null);
        }
    }

    @Test
    void legacyOptionalChecksATokenWhenOneIsSent() throws IOException {
        AccessGuard guard = guard("optional");
        allowedAs(decide(guard, "GET", "/api/movies", null), null);
        allowedAs(decide(guard, "GET", "/api/movies", VIEWER), "7");
        unauthorized(decide(guard, "GET", "/api/users", FORGED), TokenProblem.BAD_SIGNATURE);
        unauthorized(decide(guard, "GET", "/api/payments", "Bearer garbage"), TokenProblem.MALFORMED);
    }

    @Test
    void legacyRequiredNeedsAValidToken() throws IOException {
        AccessGuard guard = guard("required");
        unauthorized(decide(guard, "GET", "/api/subscriptions", null), TokenProblem.MISSING);
        unauthorized(decide(guard, "GET", "/api/events/movie", FORGED), TokenProblem.BAD_SIGNATURE);
        allowedAs(decide(guard, "GET", "/api/movies/3", VIEWER), "7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "optional", "required"})
    void theOtherRoutesDoNotDependOnTheLegacySwitch(String legacyAuth) throws IOException {
        AccessGuard guard = guard(legacyAuth);
        unauthorized(decide(guard, "GET", "/api/v1/movies", null), TokenProblem.MISSING);
        unauthorized(decide(guard, "GET", "/api/v1/movies", FORGED), TokenProblem.BAD_SIGNATURE);
        allowedAs(decide(guard, "GET", "/api/v1/movies", VIEWER), "7");
        // Identity's own routes: a token there is identity's business (it checks /me itself).
        allowedAs(decide(guard, "POST", "/api/auth/login", null), null);
        allowedAs(decide(guard, "GET", "/api/auth/me", FORGED), null);
        allowedAs(decide(guard, "GET", "/.well-known/jwks.json", null), null);
        // Unknown paths: the default (public); the router answers 404.
        allowedAs(decide(guard, "GET", "/nowhere", FORGED), null);
    }

    @Test
    void adminRoutesNeedTheAdminRoleOrOnMigrationTheGatewayAdminToken() throws IOException {
        AccessGuard guard = guard("off");
        unauthorized(decide(guard, "GET", "/admin/migration", null), TokenProblem.MISSING);
        AccessDecision.Forbidden forbidden = assertInstanceOf(AccessDecision.Forbidden.class, decide(guard, "PUT", "/admin/migration", VIEWER));
        assertEquals(403, forbidden.status());
        assertTrue(forbidden.wwwAuthenticate().orElseThrow().contains("error=\"insufficient_scope\""));
        allowedAs(decide(guard, "PUT", "/admin/migration", ADMIN), "1");
        allowedAs(decide(guard, "PUT", "/admin/migration", "Bearer " + ADMIN_TOKEN), null);
        unauthorized(decide(guard, "PUT", "/admin/migration", "Bearer " + ADMIN_TOKEN + "x"), TokenProblem.MALFORMED);
        // The admin token opens /admin/migration only.
        unauthorized(decide(guard, "GET", "/admin/other", "Bearer " + ADMIN_TOKEN), TokenProblem.MALFORMED);
        allowedAs(decide(guard, "GET", "/admin/other", ADMIN), "1");
    }

    @Test
    void withoutAConfiguredAdminTokenNoneIsAccepted() throws IOException {
        AccessGuard guard = new AccessGuard(AccessPolicy.of(shipped("off")), verifier, "");
        unauthorized(decide(guard, "PUT", "/admin/migration", "Bearer "), TokenProblem.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/../api/movies", "/api/v1/./movies", "/api//v1/movies", "/api/v1;x=1/movies",
            "/admin%2fmigration", "/api/v1/%2E%2E/auth", "/admin\\migration", "admin", ""})
    void pathsThePolicyCannotJudgeAreRefused(String path) throws IOException {
        AccessDecision decision = decide(guard("off"), "GET", path, ADMIN);
        assertEquals(400, assertInstanceOf(AccessDecision.NotCanonical.class, decision).status());
    }

    @Test
    void rulesMatchInOrderAndByMethod() {
        AccessPolicy policy = new AccessPolicy(java.util.List.of(
                new AccessRule(new RoutePattern("/api/v1/movies/**"), Set.of("get"), Access.PUBLIC, false),
                new AccessRule(new RoutePattern("/api/v1/**"), null, Access.parse("role:content_manager"), false)),
                Access.AUTHENTICATED, LegacyAuth.OFF);
        assertEquals(Access.PUBLIC, policy.ruleFor("GET", "/api/v1/movies/1").access());
        assertEquals(Access.Kind.ROLE, policy.ruleFor("POST", "/api/v1/movies/1").access().kind());
        assertEquals(Access.Kind.ROLE, policy.ruleFor("GET", "/api/v1/moviesX").access().kind());
        assertEquals(Access.AUTHENTICATED, policy.ruleFor("GET", "/elsewhere").access());
    }

    @Test
    void aTrailingSlashDoesNotEscapeAnExactRule() throws IOException {
        AccessGuard guard = guard("off");
        unauthorized(decide(guard, "PUT", "/admin/migration/", null), TokenProblem.MISSING);
        allowedAs(decide(guard, "PUT", "/admin/migration/", "Bearer " + ADMIN_TOKEN), null);
        unauthorized(decide(guard, "GET", "/api/v1/", null), TokenProblem.MISSING);
        assertTrue(new RoutePattern("/api/movies").matches("/api/movies/"));
        assertTrue(!new RoutePattern("/api/movies").matches("/api/moviesX"));
    }

    @Test
    void anAdminHoldsEveryRole() {
        Identity admin = new Identity("1", Set.of(Role.ADMIN));
        assertTrue(admin.has(Role.CONTENT_MANAGER));
        Identity viewer = new Identity("2", Set.of(Role.VIEWER));
        assertEquals(false, viewer.has(Role.CONTENT_MANAGER));
    }
}
