package com.cinemaabyss.platform;

import com.cinemaabyss.kit.test.TestHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole platform as {@code infra/bin/run} starts it (real Kafka, DynamoDB Local, every function as its
 * own JVM, the eventing bridge), exercised through the gateway the way clients use it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformE2EIT {

    private static final Pattern EVENT_ID = Pattern.compile("\"event\":\\{\"id\":\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int USER_LIMIT = E2EPlatform.USER_LIMIT;
    private static final Duration ACCESS_TTL = E2EPlatform.ACCESS_TTL;
    private static LocalPlatform platform;
    private static TestHttp gateway;

    @BeforeAll
    static void start() {
        platform = E2EPlatform.platform();
        gateway = E2EPlatform.gateway();
    }

    @Test
    @Order(1)
    void theAdminRoutesWantTheTokenThePlatformMade() {
        assertTrue(TestHttp.isJsonError(gateway.get("/admin/migration"), 401, "bearer token is required"));
        assertEquals(200, gateway.get("/admin/migration", "Authorization", "Bearer " + platform.adminToken()).statusCode());
    }

    @Test
    @Order(1)
    void theDemoDataIsThereAndEveryServiceIsHealthy() {
        assertTrue(gateway.get("/api/users").body().contains("\"username\":\"anna\""));
        assertEquals(200, new TestHttp(platform.url("monolith").toString()).get("/health").statusCode());
        assertEquals(200, new TestHttp(platform.url("catalog").toString()).get("/api/movies/health").statusCode());
        assertEquals(200, new TestHttp(platform.url("events").toString()).get("/api/events/health").statusCode());
    }

    @Test
    @Order(1)
    void everySubscriptionInTheManifestsIsARouteItsFunctionServes() {
        for (Subscription subscription : platform.wiring().subscriptions()) {
            TestHttp function = new TestHttp(platform.url(subscription.serviceName()).toString());
            assertTrue(TestHttp.isJsonError(function.post(subscription.path(), "{}"), 403, "eventing layer only"),
                    subscription.name() + ": only the bridge may deliver to " + subscription.path());
            HttpResponse<String> notAnEvent = function.post(subscription.path(), "{}", "Authorization", "Bearer " + platform.deliveryToken());
            assertTrue(TestHttp.isJsonError(notAnEvent, 400, "not a CloudEvent"),
                    subscription.name() + ": " + subscription.path() + " on " + subscription.serviceName() + " answered "
                            + notAnEvent.statusCode() + " " + notAnEvent.body());
        }
        for (ServiceSpec service : platform.wiring().services()) {
            assertEquals(200, new TestHttp(platform.url(service.name()).toString()).get(service.healthPath()).statusCode(), service.name());
        }
    }

    @Test
    @Order(1)
    void theTablesAsCodeAreTheTablesTheFunctionsCreated() throws Exception {
        Map<String, String> created = DynamoTables.describeAll(platform.dynamoEndpoint());
        Map<String, String> declared = DynamoTables.declaredIn(PlatformOptions.findRoot(Path.of("").toAbsolutePath())
                .resolve("infra/aws/dynamodb-tables.yaml"));
        assertEquals(declared, created, "infra/aws/dynamodb-tables.yaml against the tables the functions created (keys, types, indexes)");
    }

    @Test
    @Order(1)
    void theEventContractsAreServedThroughTheGateway() {
        HttpResponse<String> asyncApi = gateway.get("/api/events/asyncapi.yaml");
        assertEquals(200, asyncApi.statusCode(), asyncApi.body());
        assertTrue(asyncApi.body().contains("asyncapi: 3.0.0") && asyncApi.body().contains("com.cinemaabyss.events.movie.recorded.v1"),
                asyncApi.body());
    }

    @Test
    @Order(2)
    void aUserAMovieAPaymentAndASubscriptionThroughTheGateway() {
        long user = created(gateway.post("/api/users", "{\"username\":\"trinity\",\"email\":\"trinity@matrix.io\"}"));
        long movie = created(gateway.post("/api/movies", "{\"title\":\"The Mirror\",\"genres\":[\"Drama\"],\"rating\":8.0}"));
        long payment = created(gateway.post("/api/payments", "{\"user_id\":" + user + ",\"amount\":299}"));
        long subscription = created(gateway.post("/api/subscriptions", "{\"user_id\":" + user + ",\"plan_type\":\"basic\"}"));
        assertTrue(gateway.get("/api/users?id=" + user).body().contains("trinity"));
        assertTrue(gateway.get("/api/movies?id=" + movie).body().contains("The Mirror"));
        assertTrue(gateway.get("/api/payments?user_id=" + user).body().contains("\"id\":" + payment));
        assertTrue(gateway.get("/api/subscriptions?user_id=" + user).body().contains("\"id\":" + subscription));
        assertTrue(TestHttp.isJsonError(gateway.post("/api/payments", "{\"user_id\":" + user + ",\"amount\":-1}"), 400, "amount"));
    }

    @Test
    @Order(2)
    void anAccountThroughTheGatewayFromRegistrationToARevokedFamily() throws Exception {
        String email = "Switch-" + System.nanoTime() + "@Matrix.io";
        String password = "not like this, not like this";
        HttpResponse<String> registered = gateway.post("/api/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"username\":\"switch\"}");
        assertEquals(201, registered.statusCode(), registered.body());
        assertEquals("identity", registered.headers().firstValue("X-Backend").orElseThrow());
        long id = field(registered, "user_id").asLong();
        // identity's outbox, Kafka's user-changes, the bridge, the monolith's consumer: the legacy API lists the account.
        awaitStatus("/api/users?id=" + id, 200);
        assertEquals(409, gateway.post("/api/auth/register", "{\"email\":\"" + email.toLowerCase(java.util.Locale.ROOT)
                + "\",\"password\":\"" + password + "\",\"username\":\"other\"}").statusCode(), "one account per email, any case");

        JsonNode tokens = login(email, password);
        String access = "Bearer " + tokens.get("access_token").asString();
        HttpResponse<String> me = gateway.get("/api/auth/me", "Authorization", access);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(id, field(me, "user_id").asLong());

        String first = tokens.get("refresh_token").asString();
        HttpResponse<String> refreshed = gateway.post("/api/auth/refresh", "{\"refresh_token\":\"" + first + "\"}");
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        String second = field(refreshed, "refresh_token").asString();
        assertTrue(TestHttp.isJsonError(gateway.post("/api/auth/refresh", "{\"refresh_token\":\"" + first + "\"}"), 401, ""),
                "a used refresh token is refused");
        assertEquals(401, gateway.post("/api/auth/refresh", "{\"refresh_token\":\"" + second + "\"}").statusCode(),
                "and its reuse revoked the whole family, the newest token too");
    }

    @Test
    @Order(2)
    void forgedExpiredAndUnderprivilegedTokensAreStoppedAtTheGateway() throws Exception {
        String email = "trinity-" + System.nanoTime() + "@matrix.io";
        assertEquals(201, gateway.post("/api/auth/register", "{\"email\":\"" + email
                + "\",\"password\":\"follow the white rabbit\",\"username\":\"trinity\"}").statusCode());
        JsonNode tokens = login(email, "follow the white rabbit");
        long issuedBy = System.nanoTime();
        assertEquals(ACCESS_TTL.toSeconds(), tokens.get("expires_in").asLong(), "the platform's short-lived tokens");
        String token = tokens.get("access_token").asString();
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String promoted = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"viewer\"", "\"admin\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> forged = gateway.get("/admin/migration", "Authorization", "Bearer " + parts[0] + "." + promoted + "." + parts[2]);
        assertTrue(TestHttp.isJsonError(forged, 401, "signature"), forged.statusCode() + " " + forged.body());
        assertTrue(forged.headers().firstValue("WWW-Authenticate").orElseThrow().contains("invalid_token"));

        HttpResponse<String> viewer = gateway.get("/admin/migration", "Authorization", "Bearer " + token);
        assertTrue(TestHttp.isJsonError(viewer, 403, "admin role"), viewer.statusCode() + " " + viewer.body());

        HttpResponse<String> last = null;
        // The bucket refills smoothly (USER_LIMIT a minute): while real upstreams answer, a few more requests than the
        // limit are needed to empty it.
        for (int i = 0; i <= 3 * USER_LIMIT && (last == null || last.statusCode() != 429); i++) {
            last = gateway.get("/api/v1/entitlements/me", "Authorization", "Bearer " + token);
        }
        assertTrue(TestHttp.isJsonError(last, 429, "too many requests"), last.statusCode() + " " + last.body());
        assertTrue(last.headers().firstValue("Retry-After").isPresent() && last.headers().firstValue("RateLimit-Policy").isPresent());

        long left = ACCESS_TTL.toMillis() - (System.nanoTime() - issuedBy) / 1_000_000 + 1_000;
        Thread.sleep(Math.max(left, 0));
        HttpResponse<String> expired = gateway.get("/api/v1/entitlements/me", "Authorization", "Bearer " + token);
        assertTrue(TestHttp.isJsonError(expired, 401, "expired"), expired.statusCode() + " " + expired.body());
    }

    @Test
    @Order(3)
    void eachKindOfEventIsConsumedExactlyOnce() throws Exception {
        List<String> ids = List.of(
                eventId(gateway.post("/api/events/movie", "{\"movie_id\":1,\"title\":\"Stalker\",\"action\":\"rated\",\"user_id\":1,\"rating\":9}")),
                eventId(gateway.post("/api/events/user", "{\"user_id\":1,\"action\":\"logged_in\",\"timestamp\":\"2026-11-24T10:00:00Z\"}")),
                eventId(gateway.post("/api/events/payment", "{\"payment_id\":1,\"user_id\":1,\"amount\":399,\"status\":\"completed\",\"timestamp\":\"2026-11-24T10:00:00Z\"}")));
        for (String id : ids) {
            awaitStatus("/api/events/processed?id=" + id, 200);
        }
        // Once every subscription has committed past its topic's end, nothing will be delivered again: the ledger's
        // counts are final, and a duplicate delivery would show in them.
        List<Subscription> toEvents = platform.wiring().subscriptions().stream().filter(s -> s.serviceName().equals("events")).toList();
        assertEquals(3, toEvents.size());
        ConsumerLag.awaitZero(platform.kafkaBootstrapServers(), toEvents, Duration.ofSeconds(30));
        for (String id : ids) {
            String ledger = gateway.get("/api/events/processed?id=" + id).body();
            assertTrue(ledger.contains("\"deliveries\":1") && ledger.contains("\"duplicates\":0"), ledger);
        }
        for (EventingBridge.Health subscription : platform.bridgeHealth()) {
            boolean parksOnPurpose = E2EPlatform.PARKS_ON_PURPOSE.contains(subscription.subscription());
            assertTrue(subscription.running() && subscription.restarts() == 0 && (parksOnPurpose || subscription.parked() == 0),
                    subscription.toString());
        }
    }

    /**
     * One event POST is one trace: the client's traceparent, the gateway's span, the events service's, its publish to
     * Kafka, and each subscriber's delivery (through the eventing bridge) as a child of that publish, all in Zipkin.
     */
    @Test
    @Order(3)
    void aTraceSentWithAnEventFollowsItThroughKafkaToItsConsumersAndIntoZipkin() throws Exception {
        String trace = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16));
        String client = "00f067aa0ba902b7";
        String id = eventId(gateway.post("/api/events/movie", "{\"movie_id\":2,\"title\":\"Solaris\",\"action\":\"viewed\",\"user_id\":1}",
                "traceparent", "00-" + trace + "-" + client + "-01"));
        awaitStatus("/api/events/processed?id=" + id, 200);

        TestHttp zipkin = new TestHttp(platform.zipkinUrl().toString());
        List<JsonNode> spans = List.of();
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> found = zipkin.get("/api/v2/trace/" + trace);
            spans = found.statusCode() == 200 ? List.copyOf(JSON.readTree(found.body()).valueStream().toList()) : List.of();
            // Each service reports its spans on its own schedule: wait for the edge's as well as the consumers'.
            if (consumersOf(spans).size() == 2 && spans.stream().anyMatch(s -> s.path("localEndpoint").path("serviceName").asString()
                    .equals("gateway") && s.path("parentId").asString().equals(client))) {
                break;
            }
            Thread.sleep(250);
        }
        JsonNode edge = span(spans, "gateway", "SERVER", client);
        JsonNode ingress = span(spans, "events", "SERVER", edge.path("id").asString());
        JsonNode publish = span(spans, "events", "PRODUCER", ingress.path("id").asString());
        assertEquals(java.util.Set.of("events", "catalog"), consumersOf(spans),
                "both subscribers of movie-events continue the trace from the publish: " + spans);
        assertTrue(publish.path("name").asString().startsWith("publish "), publish.toString());
    }

    /** The services whose server span is a child of a publish span: the events' consumers, across Kafka. */
    private static java.util.Set<String> consumersOf(List<JsonNode> spans) {
        java.util.Set<String> publishes = new java.util.HashSet<>();
        spans.stream().filter(s -> s.path("kind").asString().equals("PRODUCER")).forEach(s -> publishes.add(s.path("id").asString()));
        java.util.Set<String> consumers = new java.util.TreeSet<>();
        spans.stream().filter(s -> s.path("kind").asString().equals("SERVER") && publishes.contains(s.path("parentId").asString()))
                .forEach(s -> consumers.add(s.path("localEndpoint").path("serviceName").asString()));
        return consumers;
    }

    private static JsonNode span(List<JsonNode> spans, String service, String kind, String parent) {
        return spans.stream().filter(s -> s.path("localEndpoint").path("serviceName").asString().equals(service)
                        && s.path("kind").asString().equals(kind) && s.path("parentId").asString().equals(parent))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " span of " + service + " under " + parent + " in " + spans));
    }

    @Test
    @Order(4)
    void theSplitFollowsThePercentSetAtRuntime() {
        migrate(0);
        assertEquals(0, moviesShare(200));
        migrate(100);
        assertEquals(200, moviesShare(200));
        migrate(50);
        int share = moviesShare(2_000);
        assertTrue(Math.abs(share / 20.0 - 50) <= 4, "50% target, got " + share / 20.0 + "%");
    }

    @Test
    @Order(5)
    void signedInUsersAreStickyAndRaisingThePercentOnlyMovesThemForward() {
        migrate(50);
        Map<String, String> sideAt50 = new HashMap<>();
        Map<String, String> passwords = new HashMap<>();
        for (int user = 0; user < 16; user++) {
            String email = "viewer-" + user + "-" + System.nanoTime() + "@cinemaabyss.test";
            passwords.put(email, "popcorn and a long film " + user);
            assertEquals(201, gateway.post("/api/auth/register", "{\"email\":\"" + email + "\",\"password\":\""
                    + passwords.get(email) + "\",\"username\":\"viewer" + user + "\"}").statusCode());
            String token = "Bearer " + login(email, passwords.get(email)).get("access_token").asString();
            String side = backend(gateway.get("/api/movies?id=1", "Authorization", token));
            for (int again = 0; again < 3; again++) {
                // What a client claims about itself moves nothing: the token says who it is.
                assertEquals(side, backend(gateway.get("/api/movies", "Authorization", token, "X-User-Id", "claimed-" + again)));
            }
            sideAt50.put(email, side);
        }
        assertTrue(sideAt50.containsValue("catalog") && sideAt50.containsValue("monolith"), sideAt50.toString());
        migrate(80);
        sideAt50.forEach((email, side) -> {
            if (side.equals("catalog")) {
                String token = "Bearer " + login(email, passwords.get(email)).get("access_token").asString();
                assertEquals("catalog", backend(gateway.get("/api/movies", "Authorization", token)), email + " moved back");
            }
        });
    }

    @Test
    @Order(6)
    void aMovieCreatedOnEitherSideIsReadableOnTheOtherWithTheSameId() {
        TestHttp monolith = new TestHttp(platform.url("monolith").toString());
        TestHttp catalog = new TestHttp(platform.url("catalog").toString());
        long fromMonolith = created(monolith.post("/api/movies", "{\"title\":\"Andrei Rublev\",\"rating\":8.1}"));
        long lagToCatalog = visibleAfter(catalog, fromMonolith);
        long fromCatalog = created(catalog.post("/api/movies", "{\"title\":\"Ivan's Childhood\",\"rating\":8.0}"));
        long lagToMonolith = visibleAfter(monolith, fromCatalog);
        System.out.printf("Movie replication lag: monolith -> catalog %d ms, catalog -> monolith %d ms%n", lagToCatalog, lagToMonolith);
        assertTrue(catalog.get("/api/movies?id=" + fromMonolith).body().contains("Andrei Rublev"));
        assertTrue(monolith.get("/api/movies?id=" + fromCatalog).body().contains("Ivan's Childhood"));
        assertTrue(lagToCatalog < 10_000 && lagToMonolith < 10_000, "replication lag over the 10 s bound");
    }

    @Test
    @Order(7)
    void whenTheMoviesServiceFailsReadsFallBackToTheMonolith() {
        migrate(100);
        platform.stopService("catalog");
        try {
            HttpResponse<String> response = gateway.get("/api/movies?id=1");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("monolith", backend(response));
            assertEquals("true", response.headers().firstValue("X-Fallback").orElse(""));
            assertTrue(response.body().contains("\"title\":\"Stalker\""));
            assertTrue(gateway.get("/actuator/prometheus").body().contains("gateway_fallbacks_total{reason=\"unreachable\"}"));

            LoadRun.Result load = LoadRun.get(gateway, "/api/movies?id=1", 50, 500);
            System.out.println("Circuit breaking, movies service down, 50 connections x 500 requests: " + load);
            assertEquals(Map.of(200, 500), load.statuses(), "every read is answered, by the fallback");
            assertEquals(Map.of("monolith", 500), load.backends());
        } finally {
            // The platform is shared by every end-to-end class: the next one (the web client's titles, say) needs it.
            platform.restartService("catalog");
        }
    }

    private static long visibleAfter(TestHttp side, long movieId) {
        long start = System.nanoTime();
        awaitStatus(side, "/api/movies?id=" + movieId, 200);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static JsonNode login(String email, String password) {
        HttpResponse<String> login = gateway.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, login.statusCode(), login.body());
        return JSON.readTree(login.body());
    }

    private static JsonNode field(HttpResponse<String> response, String name) {
        JsonNode value = JSON.readTree(response.body()).get(name);
        assertTrue(value != null, name + " missing in " + response.body());
        return value;
    }

    private static void migrate(int percent) {
        assertEquals(200, gateway.put("/admin/migration", "{\"gradual_migration\":true,\"movies_migration_percent\":" + percent + "}",
                "Authorization", "Bearer " + platform.adminToken()).statusCode());
    }

    /** How many of {@code requests} anonymous reads went to the movies service; eight at a time, as clients would. */
    private static int moviesShare(int requests) {
        LoadRun.Result reads = LoadRun.get(gateway, "/api/movies?id=1", 8, requests);
        assertEquals(Map.of(200, requests), reads.statuses());
        assertEquals(0, reads.fallbacks(), "a fallback would count the monolith's answer as the split's");
        return reads.backends().getOrDefault("catalog", 0);
    }

    private static String backend(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response.headers().firstValue("X-Backend").orElseThrow();
    }

    private static long created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return TestHttp.idOf(response.body());
    }

    private static String eventId(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        Matcher m = EVENT_ID.matcher(response.body());
        assertTrue(m.find(), response.body());
        return m.group(1);
    }

    private static void awaitStatus(String path, int status) {
        awaitStatus(gateway, path, status);
    }

    private static void awaitStatus(TestHttp http, String path, int status) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (http.get(path).statusCode() != status) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(path + " did not answer " + status + " within 15 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
