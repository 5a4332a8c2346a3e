package com.cinemaabyss.gateway.web;

import com.cinemaabyss.kit.test.JwksServer;
import com.cinemaabyss.gateway.FakeUpstream;
import com.nimbusds.jose.jwk.RSAKey;
import com.cinemaabyss.gateway.domain.MovieSplit;
import com.cinemaabyss.kit.test.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway in front of stand-in upstreams: routing, pass-through, the split and its change at runtime. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cinemaabyss.gateway.auth.admin-token=" + GatewayIT.ADMIN_TOKEN,
        // Tokens are checked where sent, and the split follows the user they name.
        "cinemaabyss.gateway.auth.legacy-auth=optional",
        // Every request comes from 127.0.0.1 here; the limits have their own test (GatewayAuthIT).
        "cinemaabyss.gateway.rate-limit.anonymous.requests=1000000",
        // Loopback clients are "in Germany": the edge's country, not the client's claim, reaches the upstream.
        "cinemaabyss.gateway.client-country.ranges=10.0.0.0/8=US,127.0.0.0/8=DE"})
class GatewayIT {

    static final String ADMIN_TOKEN = "gateway-it-token";

    static final FakeUpstream monolith = new FakeUpstream("monolith");
    static final FakeUpstream movies = new FakeUpstream("catalog");
    static final FakeUpstream events = new FakeUpstream("events");
    static final FakeUpstream webBff = new FakeUpstream("web-bff");
    static final FakeUpstream mobileBff = new FakeUpstream("mobile-bff");
    static final RSAKey KEY = JwksServer.newKey("key-1");
    static final JwksServer keys = keys();

    @LocalServerPort
    int port;
    TestHttp http;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("cinemaabyss.gateway.monolith-url", monolith::url);
        registry.add("cinemaabyss.gateway.catalog-url", movies::url);
        registry.add("cinemaabyss.gateway.events-url", events::url);
        registry.add("cinemaabyss.gateway.web-bff-url", webBff::url);
        registry.add("cinemaabyss.gateway.mobile-bff-url", mobileBff::url);
        registry.add("cinemaabyss.gateway.auth.jwks-url", () -> keys.jwksUrl().toString());
    }

    static JwksServer keys() {
        try {
            JwksServer server = new JwksServer();
            server.publish(KEY);
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An access token for the user, as identity signs it. */
    static String tokenOf(String user) {
        return "Bearer " + JwksServer.sign(KEY, JwksServer.claims(user, "viewer").build());
    }

    @AfterAll
    static void stop() {
        monolith.close();
        movies.close();
        events.close();
        keys.close();
    }

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
    }

    @Test
    void healthIsTheGatewaysOwn() {
        int upstreamHits = monolith.hits() + movies.hits() + events.hits();
        assertEquals("{\"status\":true}", http.get("/health").body());
        assertEquals(upstreamHits, monolith.hits() + movies.hits() + events.hits(), "health must not touch an upstream");
    }

    @Test
    void requestsPassThroughIntact() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> created = http.post("/api/users?source=web&tag=a%20b", "{\"username\":\"neo\"}", "X-Test", "kept",
                "X-Client-Country", "US", "traceparent", "00-" + trace + "-00f067aa0ba902b7-01");
        assertEquals(201, created.statusCode());
        assertEquals("monolith", backendOf(created));
        assertEquals("monolith", created.headers().firstValue("X-Upstream").orElseThrow(), "upstream headers come back");
        assertEquals(List.of("a=1", "b=2"), created.headers().allValues("Set-Cookie"));
        JsonNode echo = FakeUpstream.echo(created.body());
        assertEquals("POST", echo.get("method").asString());
        assertEquals("/api/users", echo.get("path").asString());
        assertEquals("source=web&tag=a%20b", echo.get("query").asString());
        assertEquals("{\"username\":\"neo\"}", echo.get("body").asString());
        assertEquals("kept", echo.get("headers").get("x-test").get(0).asString());
        assertEquals("127.0.0.1", echo.get("headers").get("x-forwarded-for").get(0).asString());
        assertEquals("http", echo.get("headers").get("x-forwarded-proto").get(0).asString());
        assertEquals("127.0.0.1:" + port, echo.get("headers").get("x-forwarded-host").get(0).asString());
        assertEquals(1, echo.get("headers").get("x-client-country").size(), "the client's claim is dropped");
        assertEquals("DE", echo.get("headers").get("x-client-country").get(0).asString(), "the edge's country reaches the upstream");
        String forwardedTrace = echo.get("headers").get("traceparent").get(0).asString();
        assertTrue(forwardedTrace.matches("00-" + trace + "-[0-9a-f]{16}-01") && !forwardedTrace.contains("00f067aa0ba902b7"),
                "the upstream's parent is the gateway's span, in the client's trace: " + forwardedTrace);

        assertEquals(404, http.get("/api/payments/missing").statusCode(), "upstream statuses pass through");
        HttpResponse<String> redirect = http.get("/api/users/redirect");
        assertEquals(302, redirect.statusCode(), "redirects are the client's to follow");
        assertEquals("/elsewhere", redirect.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> head = http.send(http.request("/api/subscriptions").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void anAnswerBrokenOffByItsBackendIsA502AndALargeOneStreamsWhole() {
        double answered = usersCounted("200");
        double brokenOff = usersCounted("502");
        HttpResponse<String> cut = http.get("/api/users/cut-short");
        assertEquals(502, cut.statusCode(), cut.body());
        assertEquals("monolith", backendOf(cut));
        assertTrue(cut.body().startsWith("{\"error\":\"monolith broke off its answer"), cut.body());
        assertEquals(brokenOff + 1, usersCounted("502"), "counted as the 502 the client got");
        assertEquals(answered, usersCounted("200"), "and not as the 200 the backend began with");

        String large = "x".repeat(40_000);
        HttpResponse<String> echoed = http.post("/api/users", "{\"bio\":\"" + large + "\"}");
        assertEquals(201, echoed.statusCode());
        assertEquals("{\"bio\":\"" + large + "\"}", FakeUpstream.echo(echoed.body()).get("body").asString());
    }

    /** gateway_requests_total for the monolith's users route with {@code status}; 0 before the first. */
    private double usersCounted(String status) {
        String series = "gateway_requests_total{backend=\"monolith\",route=\"users\",status=\"" + status + "\"} ";
        return http.get("/actuator/prometheus").body().lines().filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length()))).findFirst().orElse(0);
    }

    @Test
    void formAndMultipartBodiesReachTheUpstreamUntouched() {
        String form = "title=Solaris&year=1972";
        HttpResponse<String> put = http.send(http.request("/api/users/1")
                .header("Content-Type", "application/x-www-form-urlencoded").PUT(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(form, FakeUpstream.echo(put.body()).get("body").asString());
        String multipart = "--b1\r\nContent-Disposition: form-data; name=\"poster\"; filename=\"p.txt\"\r\n\r\nposter\r\n--b1--\r\n";
        HttpResponse<String> post = http.send(http.request("/api/movies")
                .header("Content-Type", "multipart/form-data; boundary=b1").POST(HttpRequest.BodyPublishers.ofString(multipart)));
        assertEquals(multipart, FakeUpstream.echo(post.body()).get("body").asString());
    }

    @Test
    void eachPrefixGoesToItsBackend() {
        migrate(false, 0);
        assertEquals("monolith", backendOf(http.get("/api/users")));
        assertEquals("monolith", backendOf(http.get("/api/users/7")));
        assertEquals("monolith", backendOf(http.get("/api/payments?user_id=3")));
        assertEquals("monolith", backendOf(http.get("/api/subscriptions")));
        assertEquals("monolith", backendOf(http.get("/api/movies")), "stage 0: movies stay on the monolith");
        assertEquals("events", backendOf(http.post("/api/events/movie", "{}")));
        assertEquals("events", echoOf(http.get("/api/events/stats")).get("backend").asString());
        assertEquals("catalog", backendOf(http.get("/api/v1/titles?q=stalker")), "titles: the catalog, without signing in");
        for (String webClient : List.of("/", "/index.html", "/favicon.ico", "/assets/app.js", "/api/web/home", "/api/web/titles/7?profile_id=1")) {
            assertEquals("web-bff", backendOf(http.get(webClient)), webClient + ": the web BFF, without signing in");
        }
        assertEquals("web-bff", echoOf(http.get("/api/web/browse?q=a%20b")).get("backend").asString());
        assertEquals("mobile-bff", backendOf(http.get("/api/mobile/home", "X-Device-Class", "tv")));
        assertEquals(404, http.get("/index.htm").statusCode(), "nothing else at the root");
        migrate(true, 100);
        assertEquals("catalog", echoOf(http.get("/api/movies/2")).get("backend").asString());
    }

    @Test
    void theSplitFollowsTheSettingsChangedAtRuntime() {
        migrate(true, 0);
        assertEquals(0, moviesShare(400));
        migrate(true, 100);
        assertEquals(400, moviesShare(400));
        migrate(true, 50);
        int share = moviesShare(2_000);
        assertTrue(Math.abs(share / 20.0 - 50) <= 5, "50% target, got " + share / 20.0 + "%");
        migrate(false, 100);
        assertEquals(0, moviesShare(200), "without gradual migration the percent does not apply");
        assertEquals("{\"gradual_migration\":false,\"movies_migration_percent\":100}", http.get("/admin/migration", "Authorization", "Bearer " + ADMIN_TOKEN).body());
    }

    @Test
    void knownUsersAreStickyAndMoveOnlyForward() {
        migrate(true, 50);
        Set<String> sides = new HashSet<>();
        for (int user = 0; user < 40; user++) {
            String expected = MovieSplit.bucket("u" + user) < 50 ? "catalog" : "monolith";
            for (int again = 0; again < 3; again++) {
                assertEquals(expected, backendOf(http.get("/api/movies?id=1", "Authorization", tokenOf("u" + user))), "user u" + user);
            }
            sides.add(expected);
        }
        assertEquals(Set.of("catalog", "monolith"), sides, "40 users at 50% land on both sides");

        migrate(true, 90);
        for (int user = 0; user < 40; user++) {
            if (MovieSplit.bucket("u" + user) < 50) {
                assertEquals("catalog", backendOf(http.get("/api/movies", "Authorization", tokenOf("u" + user))), "user u" + user + " moved back");
            }
        }
    }

    @Test
    void badInputIsAJsonError() {
        assertTrue(TestHttp.isJsonError(putMigration("{\"gradual_migration\":true,\"movies_migration_percent\":150}"), 400, "from 0 to 100"));
        assertTrue(TestHttp.isJsonError(putMigration("{\"gradual_migration\":true,\"movies_migration_percent\":-1}"), 400, "from 0 to 100"));
        assertTrue(TestHttp.isJsonError(putMigration("{\"gradual_migration\":true,\"movies_migration_percent\":50.5}"), 400, "integer"));
        assertTrue(TestHttp.isJsonError(putMigration("{\"gradual_migration\":true,\"movies_migration_percent\":\"50\"}"), 400, "integer"));
        assertTrue(TestHttp.isJsonError(putMigration("{\"gradual_migration\":\"yes\",\"movies_migration_percent\":50}"), 400, "true or false"));
        assertTrue(TestHttp.isJsonError(putMigration("{\"gradual_migration\":true}"), 400, "movies_migration_percent"));
        assertTrue(TestHttp.isJsonError(putMigration("not json"), 400, "malformed JSON"));
        assertTrue(TestHttp.isJsonError(http.get("/nowhere"), 404, "no route"));
        assertTrue(TestHttp.isJsonError(http.get("/api/moviesx"), 404, "no route"));
        assertTrue(TestHttp.isJsonError(http.send(http.request("/api/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(70_000)))), 413, "larger than"));
    }

    @Test
    void aBodyOfUnknownLengthIsCountedAsItStreamsAndRefusedPastTheLimit() {
        byte[] tooLong = "x".repeat(70_000).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = http.send(http.request("/api/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLong))));
        assertTrue(TestHttp.isJsonError(refused, 413, "larger than"), refused.statusCode() + " " + refused.body());

        byte[] fits = "y".repeat(60_000).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> passed = http.send(http.request("/api/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(fits))));
        assertEquals(201, passed.statusCode());
        assertEquals(60_000, FakeUpstream.echo(passed.body()).get("body").asString().length(), "a body under the limit streams through whole");
    }

    @Test
    void theGatewaysOwnPathsAnswerOtherMethodsWith405AndAllow() {
        HttpResponse<String> health = http.post("/health", "{}");
        assertTrue(TestHttp.isJsonError(health, 405, "not allowed"), health.statusCode() + " " + health.body());
        assertEquals("GET", health.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> admin = http.send(http.request("/admin/migration", "Authorization", "Bearer " + ADMIN_TOKEN).DELETE());
        assertTrue(TestHttp.isJsonError(admin, 405, "not allowed"), admin.statusCode() + " " + admin.body());
        assertEquals("GET,PUT", admin.headers().firstValue("Allow").orElseThrow().replace(" ", ""));
    }

    @Test
    void requestsNettyCannotParseAreJsonErrorsToo() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("G{T /api/users HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.endsWith("{\"error\":\"malformed request: it is not valid HTTP/1.1\"}"), answer);
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET /api/users/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.endsWith("{\"error\":\"malformed request: the request target is not a valid URI\"}"), answer);
        }
    }

    private HttpResponse<String> putMigration(String json) {
        return http.put("/admin/migration", json, "Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private void migrate(boolean gradual, int percent) {
        HttpResponse<String> response = putMigration("{\"gradual_migration\":" + gradual + ",\"movies_migration_percent\":" + percent + "}");
        assertEquals(200, response.statusCode(), response.body());
    }

    private int moviesShare(int requests) {
        int toMovies = 0;
        for (int i = 0; i < requests; i++) {
            if ("catalog".equals(backendOf(http.get("/api/movies")))) {
                toMovies++;
            }
        }
        return toMovies;
    }

    private static JsonNode echoOf(HttpResponse<String> response) {
        return FakeUpstream.echo(response.body());
    }

    private static String backendOf(HttpResponse<String> response) {
        return response.headers().firstValue("X-Backend").orElseThrow();
    }
}
