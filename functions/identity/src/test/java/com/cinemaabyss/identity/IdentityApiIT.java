package com.cinemaabyss.identity;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.identity.security.SigningKeys;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** identity against the shared Kafka and DynamoDB Local: every route, the tokens, the throttle and the events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityApiIT {

    static final String ADMIN_EMAIL = "root-" + UUID.randomUUID() + "@cinemaabyss.example";
    static final String ADMIN_PASSWORD = "the bootstrap admin's passphrase";
    static final String PASSWORD = "a long enough passphrase";

    @LocalServerPort
    int port;
    @Autowired
    SigningKeys keys;
    TestHttp http;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
        registry.add("cinemaabyss.identity.bootstrap-admin.email", () -> ADMIN_EMAIL);
        registry.add("cinemaabyss.identity.bootstrap-admin.password", () -> ADMIN_PASSWORD);
        registry.add("cinemaabyss.identity.login.account-limit", () -> "4");
        registry.add("cinemaabyss.identity.login.slow-after", () -> "2");
        registry.add("cinemaabyss.identity.login.delay-step", () -> "20ms");
    }

    @BeforeAll
    static void topics() {
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(Topics.USER_EVENTS, 1, (short) 1), new NewTopic(Topics.USER_CHANGES, 1, (short) 1)));
    }

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
    }

    @Test
    void registrationAnswersTheAccountWithAnEvenIdAndAnnouncesIt() {
        String email = unique("Neo") + "@Matrix.io";
        HttpResponse<String> created = register(email, "neo");
        assertEquals(201, created.statusCode(), created.body());
        long id = userId(created.body());
        assertEquals(0, id % 2, "identity hands out even user ids");
        assertEquals("{\"user_id\":" + id + ",\"email\":\"" + email + "\",\"username\":\"neo\"}", created.body());

        CloudEvent registered = EventsOnKafka.await(Topics.USER_EVENTS, EventTypes.USER_REGISTERED, id, data -> true);
        assertTrue(EventsOnKafka.data(registered).contains("\"roles\":[\"viewer\"]"));
        assertFalse(EventsOnKafka.data(registered).contains("country"), "no edge country, none in the event");
        CloudEvent upserted = EventsOnKafka.await(Topics.USER_CHANGES, EventTypes.USER_UPSERTED, id, data -> true);
        assertEquals("{\"id\":" + id + ",\"email\":\"" + email + "\",\"username\":\"neo\",\"version\":1}", EventsOnKafka.data(upserted));
        assertFalse(EventsOnKafka.data(registered).contains(PASSWORD) || EventsOnKafka.data(registered).contains("argon2"));
    }

    @Test
    void registrationAlsoHandsOverAVerificationTokenThatVerifiesTheAddress() {
        String email = unique("welcome") + "@example.com";
        HttpResponse<String> created = http.post("/api/auth/register", registration(email, "welcome"), "X-Client-Country", "RU");
        assertEquals(201, created.statusCode(), created.body());
        long id = userId(created.body());
        // The edge's country of the request is where the account was opened from (notifications' campaign segments).
        assertTrue(EventsOnKafka.data(EventsOnKafka.await(Topics.USER_EVENTS, EventTypes.USER_REGISTERED, id, d -> true)).contains("\"country\":\"RU\""));
        // Written in the registration's own transaction: nobody asked for it, and the welcome mail carries its link.
        String data = EventsOnKafka.data(EventsOnKafka.await(Topics.USER_EVENTS, EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, id, d -> true));
        assertTrue(data.contains("\"email\":\"" + email + "\""), data);
        HttpResponse<String> verified = http.post("/api/auth/verify-email", "{\"token\":\"" + field(data, "token") + "\"}");
        assertEquals(200, verified.statusCode(), verified.body());
        assertTrue(verified.body().contains("\"email_verified\":true"), verified.body());
    }

    @Test
    void anEmailIsOneAccountWhateverItsCase() {
        String local = unique("trinity");
        assertEquals(201, register(local + "@example.com", "trinity").statusCode());
        HttpResponse<String> again = register(local.toUpperCase() + "@EXAMPLE.com", "other");
        assertError(again, 409, "an account with this email exists");
    }

    @Test
    void aRetriedRegistrationWithItsIdempotencyKeyCreatesOneAccount() {
        String email = unique("retry") + "@example.com";
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = http.post("/api/auth/register", registration(email, "retry"), "Idempotency-Key", key);
        HttpResponse<String> retry = http.post("/api/auth/register", registration(email, "retry"), "Idempotency-Key", key);
        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(first.body(), retry.body());
        assertEquals("true", retry.headers().firstValue("Idempotency-Replayed").orElse(""));
    }

    @Test
    void badRegistrationsSayWhatIsWrong() {
        assertError(http.post("/api/auth/register", "{\"email\":\"x@example.com\",\"password\":\"short\",\"username\":\"x\"}"), 400,
                "field 'password' must be at least 12 characters long");
        assertError(http.post("/api/auth/register", "{\"email\":\"x@example.com\",\"password\":\"password12345\",\"username\":\"x\"}"), 400,
                "commonly used password");
        assertError(http.post("/api/auth/register", "{\"email\":\"nope\",\"password\":\"" + PASSWORD + "\",\"username\":\"x\"}"), 400,
                "field 'email' must be an email address");
        assertError(http.post("/api/auth/register", "{\"email\":\"x@example.com\",\"password\":\"" + PASSWORD + "\"}"), 400,
                "field 'username' is required");
        assertError(http.post("/api/auth/register", "{\"email\":"), 400, "malformed JSON");
    }

    @Test
    void aLoginAnswersTokensAndAWrongPasswordTheSameAsAnUnknownEmail() throws Exception {
        String email = unique("morpheus") + "@example.com";
        long id = userId(register(email, "morpheus").body());
        HttpResponse<String> ok = login(email.toUpperCase(), PASSWORD, address());
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("no-store", ok.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(ok.body().contains("\"token_type\":\"Bearer\"") && ok.body().contains("\"expires_in\":900"), ok.body());
        SignedJWT access = SignedJWT.parse(field(ok.body(), "access_token"));
        assertEquals(Long.toString(id), access.getJWTClaimsSet().getSubject());
        assertEquals(List.of("viewer"), access.getJWTClaimsSet().getStringListClaim("roles"));
        assertEquals(43, field(ok.body(), "refresh_token").length());
        EventsOnKafka.await(Topics.USER_EVENTS, EventTypes.USER_LOGGED_IN, id, data -> true);

        HttpResponse<String> wrongPassword = login(email, "not the passphrase", address());
        HttpResponse<String> unknownEmail = login(unique("nobody") + "@example.com", PASSWORD, address());
        assertError(wrongPassword, 401, "invalid email or password");
        assertEquals(wrongPassword.body(), unknownEmail.body());
        assertEquals(wrongPassword.headers().firstValue("WWW-Authenticate"), unknownEmail.headers().firstValue("WWW-Authenticate"));
        assertEquals(401, unknownEmail.statusCode());
    }

    @Test
    void repeatedFailuresLockTheAccountWith429AndRetryAfterEvenForTheRightPassword() {
        String email = unique("smith") + "@example.com";
        register(email, "smith");
        for (int i = 0; i < 4; i++) {
            assertEquals(401, login(email, "wrong passphrase " + i, address()).statusCode());
        }
        HttpResponse<String> locked = login(email, PASSWORD, address());
        assertError(locked, 429, "too many failed logins");
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        assertError(login(email.toUpperCase(), PASSWORD, address()), 429, "too many failed logins");
    }

    @Test
    void aRefreshRotatesAndAReusedTokenRevokesTheWholeFamily() {
        String email = unique("oracle") + "@example.com";
        register(email, "oracle");
        String first = field(login(email, PASSWORD, address()).body(), "refresh_token");
        HttpResponse<String> rotated = refresh(first);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String second = field(rotated.body(), "refresh_token");
        assertNotEquals(first, second);
        assertEquals(200, http.get("/api/auth/me", "Authorization", "Bearer " + field(rotated.body(), "access_token")).statusCode());

        assertError(refresh(first), 401, "invalid refresh token");
        assertError(refresh(second), 401, "invalid refresh token");
    }

    @Test
    void ofTwoConcurrentRefreshesWithOneTokenAtMostOneSucceeds() throws Exception {
        String email = unique("twins") + "@example.com";
        register(email, "twins");
        String token = field(login(email, PASSWORD, address()).body(), "refresh_token");
        List<Callable<Integer>> both = List.of(() -> refresh(token).statusCode(), () -> refresh(token).statusCode());
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Future<Integer> status : pool.invokeAll(both)) {
                statuses.add(status.get());
            }
        }
        assertTrue(statuses.stream().filter(s -> s == 200).count() <= 1, statuses.toString());
        assertTrue(statuses.contains(401), statuses.toString());
    }

    @Test
    void logoutEndsTheSession() {
        String email = unique("seraph") + "@example.com";
        register(email, "seraph");
        String token = field(login(email, PASSWORD, address()).body(), "refresh_token");
        assertEquals(204, http.post("/api/auth/logout", "{\"refresh_token\":\"" + token + "\"}").statusCode());
        assertError(refresh(token), 401, "invalid refresh token");
        assertEquals(204, http.post("/api/auth/logout", "{\"refresh_token\":\"" + "A".repeat(43) + "\"}").statusCode(), "the same for a stranger");
        assertError(http.post("/api/auth/logout", "{\"refresh_token\":\"short\"}"), 400, "field 'refresh_token'");
    }

    @Test
    void meBelievesOnlyAValidTokenOfOurs() throws Exception {
        String email = unique("niobe") + "@example.com";
        long id = userId(register(email, "niobe").body());
        String access = field(login(email, PASSWORD, address()).body(), "access_token");
        HttpResponse<String> me = http.get("/api/auth/me", "Authorization", "Bearer " + access);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("{\"user_id\":" + id + ",\"email\":\"" + email + "\",\"username\":\"niobe\",\"roles\":[\"viewer\"],\"email_verified\":false}", me.body());
        assertEquals(200, http.get("/api/auth/me", "Authorization", "Bearer " + access, "X-User-Id", "2").statusCode(), "the token wins");
        assertTrue(http.get("/api/auth/me", "Authorization", "Bearer " + access, "X-User-Id", "2").body().contains("\"user_id\":" + id));

        RSAKey ours = keys.signingKey();
        Instant now = Instant.now();
        JWTClaimsSet expired = claims(id, now.minusSeconds(3_600), now.minusSeconds(600));
        assertError(http.get("/api/auth/me", "Authorization", "Bearer " + signed(ours, expired)), 401, "invalid or expired access token");
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(ours.getKeyID()).generate();
        assertError(http.get("/api/auth/me", "Authorization", "Bearer " + signed(stranger, claims(id, now, now.plusSeconds(600)))), 401, "invalid");
        assertError(http.get("/api/auth/me", "Authorization", "Bearer " + new PlainJWT(claims(id, now, now.plusSeconds(600))).serialize()), 401, "invalid");
        assertEquals(200, http.get("/api/auth/me", "Authorization", "Bearer " + signed(ours, claims(id, now, now.plusSeconds(600)))).statusCode(),
                "the control: the same claims signed with our key");
        assertError(http.get("/api/auth/me", "X-User-Id", Long.toString(id)), 401, "authentication required");
        // Longer than any token the platform signs: it reaches identity, which refuses it, rather than Tomcat's header limit.
        assertEquals(401, http.get("/api/auth/me", "Authorization", "Bearer " + "x".repeat(9_000)).statusCode());
        assertError(http.get("/api/auth/me"), 401, "authentication required");
        assertError(http.get("/api/auth/me", "Authorization", "Basic " + access), 401, "invalid");
    }

    @Test
    void onlyAnAdminChangesRoles() throws Exception {
        String email = unique("tank") + "@example.com";
        long id = userId(register(email, "tank").body());
        String viewer = field(login(email, PASSWORD, address()).body(), "access_token");
        String admin = field(login(ADMIN_EMAIL, ADMIN_PASSWORD, address()).body(), "access_token");
        long adminId = Long.parseLong(SignedJWT.parse(admin).getJWTClaimsSet().getSubject());
        assertEquals(List.of("viewer", "admin"), SignedJWT.parse(admin).getJWTClaimsSet().getStringListClaim("roles"));

        String body = "{\"roles\":[\"viewer\",\"content_manager\"]}";
        assertError(http.put("/api/auth/users/" + id + "/roles", body, "Authorization", "Bearer " + viewer), 403, "only an admin");
        assertError(http.put("/api/auth/users/" + id + "/roles", body), 401, "authentication required");
        assertError(http.put("/api/auth/users/" + id + "/roles", body, "X-User-Id", Long.toString(adminId)), 401, "authentication required");
        assertError(http.put("/api/auth/users/" + id + "/roles", "{\"roles\":[\"root\"]}", "Authorization", "Bearer " + admin), 400, "field 'roles'");
        assertError(http.put("/api/auth/users/abc/roles", body, "Authorization", "Bearer " + admin), 400, "path segment 'id'");
        assertError(http.put("/api/auth/users/999999998/roles", body, "Authorization", "Bearer " + admin), 404, "not found");

        HttpResponse<String> changed = http.put("/api/auth/users/" + id + "/roles", body, "Authorization", "Bearer " + admin);
        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(changed.body().contains("\"roles\":[\"viewer\",\"content_manager\"]"), changed.body());
        EventsOnKafka.await(Topics.USER_EVENTS, EventTypes.USER_ROLES_CHANGED, id, data -> data.contains("\"changed_by\":" + adminId)
                && data.contains("\"previous_roles\":[\"viewer\"]"));
        String fresh = field(login(email, PASSWORD, address()).body(), "access_token");
        assertEquals(List.of("viewer", "content_manager"), SignedJWT.parse(fresh).getJWTClaimsSet().getStringListClaim("roles"));
    }

    @Test
    void anEmailIsVerifiedWithTheTokenFromTheEventOnce() {
        String email = unique("mouse") + "@example.com";
        long id = userId(register(email, "mouse").body());
        String access = field(login(email, PASSWORD, address()).body(), "access_token");
        HttpResponse<String> requested = http.post("/api/auth/verify-email/request", "", "Authorization", "Bearer " + access);
        assertEquals(202, requested.statusCode(), requested.body());
        assertEquals("", requested.body(), "the token is never in the HTTP answer");
        assertError(http.post("/api/auth/verify-email/request", ""), 401, "authentication required");

        String token = field(EventsOnKafka.data(EventsOnKafka.await(Topics.USER_EVENTS, EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, id, data -> true)), "token");
        HttpResponse<String> verified = http.post("/api/auth/verify-email", "{\"token\":\"" + token + "\"}");
        assertEquals(200, verified.statusCode(), verified.body());
        assertTrue(verified.body().contains("\"email_verified\":true"));
        assertError(http.post("/api/auth/verify-email", "{\"token\":\"" + token + "\"}"), 400, "token is invalid, used or expired");
        EventsOnKafka.await(Topics.USER_EVENTS, EventTypes.USER_EMAIL_VERIFIED, id, data -> true);
        assertError(http.post("/api/auth/verify-email/request", "", "Authorization", "Bearer " + access), 409, "verified already");
    }

    @Test
    void aPasswordResetWorksOnceAndEndsEverySession() throws Exception {
        String email = unique("ghost") + "@example.com";
        long id = userId(register(email, "ghost").body());
        String session = field(login(email, PASSWORD, address()).body(), "refresh_token");
        HttpResponse<String> unknown = http.post("/api/auth/password-reset/request", "{\"email\":\"" + unique("nobody") + "@example.com\"}");
        HttpResponse<String> known = http.post("/api/auth/password-reset/request", "{\"email\":\"" + email.toUpperCase() + "\"}");
        assertEquals(202, unknown.statusCode());
        assertEquals(202, known.statusCode());
        assertEquals(unknown.body(), known.body(), "no account enumeration");

        String token = field(EventsOnKafka.data(EventsOnKafka.await(Topics.USER_EVENTS, EventTypes.USER_PASSWORD_RESET_REQUESTED, id, data -> true)), "token");
        assertError(http.post("/api/auth/password-reset", "{\"token\":\"" + token + "\",\"new_password\":\"short\"}"), 400, "at least 12 characters");
        assertError(http.post("/api/auth/verify-email", "{\"token\":\"" + token + "\"}"), 400, "token is invalid", "a reset token verifies nothing");
        String newPassword = "an entirely new passphrase";
        assertEquals(204, http.post("/api/auth/password-reset", "{\"token\":\"" + token + "\",\"new_password\":\"" + newPassword + "\"}").statusCode());
        assertError(http.post("/api/auth/password-reset", "{\"token\":\"" + token + "\",\"new_password\":\"yet another passphrase\"}"), 400, "token is invalid");
        assertError(refresh(session), 401, "invalid refresh token");
        assertEquals(401, login(email, PASSWORD, address()).statusCode());
        assertEquals(200, login(email, newPassword, address()).statusCode());
    }

    @Test
    void theJwksPublishesThePublicKeyTokensAreSignedWith() throws Exception {
        String email = unique("link") + "@example.com";
        register(email, "link");
        String access = field(login(email, PASSWORD, address()).body(), "access_token");
        HttpResponse<String> jwks = http.get("/.well-known/jwks.json");
        assertEquals(200, jwks.statusCode());
        assertTrue(jwks.headers().firstValue("Cache-Control").orElse("").contains("max-age=60"), jwks.headers().toString());
        com.nimbusds.jose.jwk.JWKSet set = com.nimbusds.jose.jwk.JWKSet.parse(jwks.body());
        String kid = SignedJWT.parse(access).getHeader().getKeyID();
        RSAKey key = (RSAKey) set.getKeyByKeyId(kid);
        assertEquals(JWSAlgorithm.RS256, key.getAlgorithm());
        assertEquals("sig", key.getKeyUse().getValue());
        assertFalse(key.isPrivate());
        assertFalse(jwks.body().contains("\"d\""), "no private part");
        assertTrue(SignedJWT.parse(access).verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key)));
    }

    @Test
    void healthAndUnknownRoutes() {
        assertEquals("{\"status\":true}", http.get("/api/auth/health").body());
        assertError(http.get("/api/auth/nothing"), 404, "no route");
        assertEquals(405, http.get("/api/auth/login").statusCode());
    }

    private HttpResponse<String> register(String email, String username) {
        return http.post("/api/auth/register", registration(email, username));
    }

    private static String registration(String email, String username) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"username\":\"" + username + "\"}";
    }

    private HttpResponse<String> login(String email, String password, String address) {
        return http.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", "X-Forwarded-For", address);
    }

    private HttpResponse<String> refresh(String token) {
        return http.post("/api/auth/refresh", "{\"refresh_token\":\"" + token + "\"}");
    }

    /** A client address of its own for each login, so that tests do not share the per-address failure count. */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static JWTClaimsSet claims(long userId, Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder().issuer("cinemaabyss-identity").audience("cinemaabyss-api").subject(Long.toString(userId))
                .claim("roles", List.of("viewer")).issueTime(Date.from(issued)).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString()).build();
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static long userId(String json) {
        return Long.parseLong(field(json, "user_id"));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static void assertError(HttpResponse<String> response, int status, String fragment) {
        assertTrue(TestHttp.isJsonError(response, status, fragment), response.statusCode() + " " + response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String fragment, String why) {
        assertTrue(TestHttp.isJsonError(response, status, fragment), why + ": " + response.statusCode() + " " + response.body());
    }
}
