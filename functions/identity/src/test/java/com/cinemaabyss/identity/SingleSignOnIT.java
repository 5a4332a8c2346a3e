package com.cinemaabyss.identity;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.identity.functions.SingleSignOn;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.oidcprovider.TestOidcProvider;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single sign-on against a real OpenID provider (Spring Authorization Server, started in this JVM on 127.0.0.1): the
 * browser's part is plain HTTP with cookies (the provider's login form, its redirects), identity's part the real
 * routes, DynamoDB Local and Kafka. Providers: {@code corp} (confidential client), {@code corp-public} (public
 * client, PKCE only) and {@code down} (nothing listens at its issuer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SingleSignOnIT {

    static final String PASSWORD = "a long enough passphrase";
    /** identity's port must be known before it starts: the provider registers its callback URL. */
    static final int IDENTITY_PORT = freePort();
    static ConfigurableApplicationContext provider;
    static TestOidcProvider people;
    static String issuer;

    TestHttp http;
    Browser browser;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
        registry.add("server.port", () -> IDENTITY_PORT);
        startProvider();
        String sso = "cinemaabyss.identity.sso.providers.";
        registry.add(sso + "corp.issuer", () -> issuer);
        registry.add(sso + "corp.client-id", () -> TestOidcProvider.CLIENT_ID);
        registry.add(sso + "corp.client-secret", () -> TestOidcProvider.CLIENT_SECRET);
        registry.add(sso + "corp.redirect-uri", () -> callback("corp"));
        registry.add(sso + "corp-public.issuer", () -> issuer);
        registry.add(sso + "corp-public.client-id", () -> TestOidcProvider.PUBLIC_CLIENT_ID);
        registry.add(sso + "corp-public.redirect-uri", () -> callback("corp-public"));
        registry.add(sso + "down.issuer", () -> "http://127.0.0.1:" + freePort());
        registry.add(sso + "down.client-id", () -> "anyone");
        registry.add(sso + "down.redirect-uri", () -> callback("down"));
        registry.add("cinemaabyss.identity.sso.http-timeout", () -> "2s");
    }

    static synchronized void startProvider() {
        if (provider == null) {
            provider = TestOidcProvider.start(callback("corp"), callback("corp-public"));
            people = provider.getBean(TestOidcProvider.class);
            issuer = "http://127.0.0.1:" + provider.getEnvironment().getProperty("local.server.port");
        }
    }

    @BeforeAll
    static void topics() {
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(Topics.USER_EVENTS, 1, (short) 1), new NewTopic(Topics.USER_CHANGES, 1, (short) 1)));
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @BeforeEach
    void clients() {
        http = TestHttp.at(IDENTITY_PORT);
        browser = new Browser();
    }

    @Test
    void aFirstLoginCreatesAnAccountThroughRegistrationAndItsTokensWork() {
        String username = unique("neo");
        String email = username + "@matrix.io";
        people.add(username, new TestOidcProvider.Person(email, true, false));

        HttpResponse<String> tokens = ssoLogin("corp", username);
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals("no-store", tokens.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(tokens.body().contains("\"token_type\":\"Bearer\"") && tokens.body().contains("\"expires_in\":900"), tokens.body());
        HttpResponse<String> me = me(tokens);
        assertEquals(200, me.statusCode(), me.body());
        long id = IdentityApiIT.userId(me.body());
        assertEquals(0, id % 2, "an even id, from identity's registration");
        assertTrue(me.body().contains("\"email\":\"" + email + "\"") && me.body().contains("\"roles\":[\"viewer\"]")
                && me.body().contains("\"email_verified\":true"), me.body());

        EventsOnKafka.await(Topics.USER_EVENTS, EventTypes.USER_REGISTERED, id, data -> data.contains(email));
        EventsOnKafka.await(Topics.USER_CHANGES, EventTypes.USER_UPSERTED, id, data -> data.contains(email));
        EventsOnKafka.await(Topics.USER_EVENTS, EventTypes.USER_LOGGED_IN, id,
                data -> data.contains("\"method\":\"sso\"") && data.contains("\"provider\":\"corp\""));

        // No password: a password login is refused as any wrong password is.
        assertError(http.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"), 401, "invalid email or password");
        // The refresh token continues the session like any other.
        assertEquals(200, http.post("/api/auth/refresh", "{\"refresh_token\":\"" + IdentityApiIT.field(tokens.body(), "refresh_token") + "\"}")
                .statusCode());
    }

    @Test
    void aSecondLoginUsesTheLinkEvenAfterTheEmailChangedAtTheProvider() {
        String username = unique("trinity");
        people.add(username, new TestOidcProvider.Person(username + "@matrix.io", true, false));
        long first = IdentityApiIT.userId(me(ssoLogin("corp", username)).body());
        people.add(username, new TestOidcProvider.Person(username + "-renamed@matrix.io", false, false));
        HttpResponse<String> again = ssoLogin("corp", username);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(first, IdentityApiIT.userId(me(again).body()), "the link, not the email, finds the account");
    }

    @Test
    void aVerifiedEmailLinksToTheExistingPasswordAccountAndClaimsIt() {
        String username = unique("morpheus");
        String email = username + "@nebuchadnezzar.io";
        HttpResponse<String> registered = http.post("/api/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"username\":\"" + username + "\"}");
        assertEquals(201, registered.statusCode(), registered.body());
        long id = IdentityApiIT.userId(registered.body());
        HttpResponse<String> passwordLogin = http.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, passwordLogin.statusCode(), passwordLogin.body());
        EventsOnKafka.await(Topics.USER_EVENTS, EventTypes.USER_LOGGED_IN, id, data -> data.contains("\"method\":\"password\""));

        people.add(username, new TestOidcProvider.Person(email.toUpperCase(), true, false));
        HttpResponse<String> sso = ssoLogin("corp-public", username);
        assertEquals(200, sso.statusCode(), sso.body());
        HttpResponse<String> me = me(sso);
        assertEquals(id, IdentityApiIT.userId(me.body()), "linked to the account of the verified email");
        assertTrue(me.body().contains("\"email_verified\":true"), me.body());

        // identity had never verified the address: whoever set the password never proved they own it, so it and
        // the sessions it opened are gone (a password reset sets a new one).
        assertError(http.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"), 401, "invalid email or password");
        assertError(http.post("/api/auth/refresh", "{\"refresh_token\":\"" + IdentityApiIT.field(passwordLogin.body(), "refresh_token") + "\"}"),
                401, "invalid refresh token");
        EventsOnKafka.await(Topics.USER_EVENTS, EventTypes.USER_EMAIL_VERIFIED, id, data -> true);
        assertEquals(id, IdentityApiIT.userId(me(ssoLogin("corp-public", username)).body()), "and the link holds");
    }

    @Test
    void anUnverifiedEmailNeverLinksToAnExistingAccount() {
        String username = unique("cypher");
        String email = username + "@matrix.io";
        assertEquals(201, http.post("/api/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"username\":\"" + username + "\"}").statusCode());
        people.add(username, new TestOidcProvider.Person(email, false, false));
        assertError(ssoLogin("corp", username), 400, SingleSignOn.UNVERIFIED_EMAIL_TAKEN);
        assertEquals(200, http.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").statusCode(),
                "the account is as it was");
    }

    @Test
    void anUnverifiedEmailNobodyHasMakesAnUnverifiedAccount() {
        String username = unique("switch");
        people.add(username, new TestOidcProvider.Person(username + "@matrix.io", false, false));
        HttpResponse<String> me = me(ssoLogin("corp", username));
        assertTrue(me.body().contains("\"email_verified\":false"), me.body());
    }

    @Test
    void noEmailAtAllCannotMakeAnAccount() {
        String username = unique("ghost");
        people.add(username, new TestOidcProvider.Person(null, false, false));
        assertError(ssoLogin("corp", username), 400, SingleSignOn.NO_EMAIL);
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        String username = unique("smith");
        people.add(username, new TestOidcProvider.Person(username + "@matrix.io", true, true));
        assertError(ssoLogin("corp", username), 401, "invalid ID token");
    }

    @Test
    void theAuthorizationRequestCarriesPkceStateAndNonceAndJsonClientsGetItAsJson() {
        HttpResponse<String> json = http.get("/api/auth/sso/corp/authorize", "Accept", "application/json");
        assertEquals(200, json.statusCode(), json.body());
        assertEquals("no-store", json.headers().firstValue("Cache-Control").orElse(""));
        URI url = URI.create(IdentityApiIT.field(json.body(), "authorization_url"));
        assertTrue(url.toString().startsWith(issuer + "/oauth2/authorize?"), url.toString());
        Map<String, String> query = query(url);
        assertEquals("S256", query.get("code_challenge_method"));
        assertEquals(43, query.get("code_challenge").length());
        assertEquals(43, query.get("state").length());
        assertTrue(query.get("nonce").length() >= 43);
        assertEquals("code", query.get("response_type"));
        assertEquals(TestOidcProvider.CLIENT_ID, query.get("client_id"));
        assertEquals(callback("corp"), query.get("redirect_uri"));
        assertTrue(query.get("scope").contains("openid"));

        HttpResponse<String> browserStart = browser.get(http.uri("/api/auth/sso/corp/authorize"));
        assertEquals(302, browserStart.statusCode());
        assertNotEquals(query.get("state"), query(Browser.redirect(browserStart)).get("state"), "a new state for every login");
    }

    @Test
    void theProviderInsistsOnPkceSoTheVerifierIdentitySendsIsWhatMakesTheLoginWork() {
        String username = unique("oracle");
        people.add(username, new TestOidcProvider.Person(username + "@matrix.io", true, false));
        URI callback = browser.logInAtProvider(Browser.redirect(browser.get(http.uri("/api/auth/sso/corp/authorize"))), username,
                TestOidcProvider.PASSWORD);
        String code = query(callback).get("code");
        String basic = Base64.getEncoder().encodeToString((TestOidcProvider.CLIENT_ID + ":" + TestOidcProvider.CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> withoutVerifier = browser.postForm(URI.create(issuer + "/oauth2/token"),
                Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", callback("corp")), "Authorization", "Basic " + basic);
        assertEquals(400, withoutVerifier.statusCode(), withoutVerifier.body());
        assertTrue(withoutVerifier.body().contains("invalid_grant"), withoutVerifier.body());
    }

    @Test
    void aStateWorksOnceAndOnlyItsOwn() {
        String username = unique("tank");
        people.add(username, new TestOidcProvider.Person(username + "@matrix.io", true, false));
        URI callback = browser.logInAtProvider(Browser.redirect(browser.get(http.uri("/api/auth/sso/corp/authorize"))), username,
                TestOidcProvider.PASSWORD);
        Map<String, String> query = query(callback);

        String forged = "/api/auth/sso/corp/callback?code=" + query.get("code") + "&state=" + "A".repeat(43);
        assertError(http.get(forged), 400, "unknown, expired or already used login state");
        assertError(http.get("/api/auth/sso/corp/callback?code=x&state=short"), 400, "unknown, expired or already used login state");
        assertError(http.get("/api/auth/sso/corp-public/callback?" + callback.getRawQuery()), 400, "belongs to another provider");
        // The state is used up by that last attempt, through the wrong door: it cannot be finished at the right one either.
        assertError(browser.get(callback), 400, "unknown, expired or already used login state");

        URI second = browser.logInAtProvider(Browser.redirect(browser.get(http.uri("/api/auth/sso/corp/authorize"))), username,
                TestOidcProvider.PASSWORD);
        assertEquals(200, browser.get(second).statusCode());
        assertError(browser.get(second), 400, "unknown, expired or already used login state");
    }

    @Test
    void aProviderErrorIsA400ThatEndsTheLogin() {
        HttpResponse<String> json = http.get("/api/auth/sso/corp/authorize", "Accept", "application/json");
        String state = query(URI.create(IdentityApiIT.field(json.body(), "authorization_url"))).get("state");
        assertError(http.get("/api/auth/sso/corp/callback?error=access_denied&error_description=The+user+said+no&state=" + state), 400,
                "the provider did not log you in: access_denied (The user said no)");
        assertError(http.get("/api/auth/sso/corp/callback?code=anything&state=" + state), 400, "unknown, expired or already used login state");
        assertError(http.get("/api/auth/sso/corp/callback?error=%0Aevil"), 400, "query parameter 'error' must be");
    }

    @Test
    void aBadCodeIsA400AndBadRequestsSayWhatIsWrong() {
        HttpResponse<String> json = http.get("/api/auth/sso/corp/authorize", "Accept", "application/json");
        String state = query(URI.create(IdentityApiIT.field(json.body(), "authorization_url"))).get("state");
        assertError(http.get("/api/auth/sso/corp/callback?code=not-a-code&state=" + state), 400, "the provider did not accept the authorization code");
        assertError(http.get("/api/auth/sso/corp/callback?state=" + state), 400, "query parameter 'code' is required");
        assertError(http.get("/api/auth/sso/corp/callback?code=abc"), 400, "query parameter 'state' is required");
        assertError(http.get("/api/auth/sso/corp/callback?code=" + "a".repeat(3_000) + "&state=" + state), 400, "query parameter 'code' must be");
    }

    @Test
    void unknownProvidersAre404AndAProviderThatIsDownIs503() {
        assertError(http.get("/api/auth/sso/nobody/authorize"), 404, "no such single sign-on provider");
        assertError(http.get("/api/auth/sso/NOT_A_NAME/authorize"), 404, "no such single sign-on provider");
        assertError(http.get("/api/auth/sso/" + "a".repeat(33) + "/callback?code=a&state=b"), 404, "no such single sign-on provider");
        assertError(http.get("/api/auth/sso/down/authorize"), 503, "single sign-on provider 'down' is not available");
    }

    private HttpResponse<String> ssoLogin(String providerName, String username) {
        URI authorization = Browser.redirect(browser.get(http.uri("/api/auth/sso/" + providerName + "/authorize")));
        URI callback = browser.logInAtProvider(authorization, username, TestOidcProvider.PASSWORD);
        assertTrue(callback.toString().startsWith(callback(providerName) + "?"), callback.toString());
        return browser.get(callback);
    }

    private HttpResponse<String> me(HttpResponse<String> tokens) {
        assertEquals(200, tokens.statusCode(), tokens.body());
        return http.get("/api/auth/me", "Authorization", "Bearer " + IdentityApiIT.field(tokens.body(), "access_token"));
    }

    static String callback(String providerName) {
        return "http://127.0.0.1:" + IDENTITY_PORT + "/api/auth/sso/" + providerName + "/callback";
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String fragment) {
        assertTrue(TestHttp.isJsonError(response, status, fragment), response.statusCode() + " " + response.body());
    }
}
