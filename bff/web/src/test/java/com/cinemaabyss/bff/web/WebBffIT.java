package com.cinemaabyss.bff.web;

import com.cinemaabyss.bff.kit.FunctionStandIns;
import com.cinemaabyss.kit.test.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static com.cinemaabyss.bff.kit.FunctionStandIns.BAD_TOKEN;
import static com.cinemaabyss.bff.kit.FunctionStandIns.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web BFF against stand-ins of the domain functions (JDK HttpServers: its dependencies are HTTP): whole screens,
 * a dependency failing or late (degraded, still 200, within the budget), a refused token, ETag and Cache-Control.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebBffIT {

    static final FunctionStandIns FUNCTIONS = new FunctionStandIns();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> DEPENDENCIES = List.of("identity", "profile", "subscriptions", "recommendations", "catalog", "content",
            "discounts", "payments", "notifications");

    @LocalServerPort
    int port;
    TestHttp http;

    @DynamicPropertySource
    static void functions(DynamicPropertyRegistry registry) {
        for (String dependency : DEPENDENCIES) {
            registry.add("cinemaabyss.bff.dependencies." + dependency + ".url", () -> FUNCTIONS.url().toString());
            registry.add("cinemaabyss.bff.dependencies." + dependency + ".timeout", () -> "600ms");
        }
    }

    @AfterAll
    static void stop() {
        FUNCTIONS.close();
    }

    static boolean warm;

    @BeforeEach
    void fresh() {
        http = TestHttp.at(port);
        // A cold JVM's first screens take longer than the 600 ms budgets of these tests (class loading, the first
        // connections): they are asked once before any test looks at timings.
        if (!warm) {
            for (int i = 0; i < 3; i++) {
                http.get("/api/web/home", "Authorization", TOKEN);
                http.get("/api/web/titles/42", "Authorization", TOKEN);
                http.get("/api/web/account", "Authorization", TOKEN);
            }
            warm = true;
        }
        FUNCTIONS.reset();
    }

    @Test
    void theHomeScreenGathersEveryPartWithTheCallersHeadersAndRevalidatesByETag() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> answer = http.get("/api/web/home", "Authorization", TOKEN, "X-Client-Country", "RU",
                "traceparent", "00-" + trace + "-00f067aa0ba902b7-01");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode home = JSON.readTree(answer.body());
        assertTrue(FUNCTIONS.seen.stream().allMatch(seen -> seen.traceparent() != null
                        && seen.traceparent().matches("00-" + trace + "-[0-9a-f]{16}-01") && !seen.traceparent().contains("00f067aa0ba902b7")),
                "every part's call (each on its own thread) is a child of the screen's span in the caller's trace: " + FUNCTIONS.seen);
        assertEquals("2 4", home.path("viewer").path("user_id").asLong() + " " + home.path("viewer").path("profile_id").asLong(),
                "the first profile when none is asked for");
        assertEquals("premium-year", home.path("subscription").path("plan_id").asString());
        JsonNode watching = home.path("continue_watching");
        assertEquals(1, watching.size(), "title 99 is not in the catalog any more: left out: " + watching);
        assertEquals("42 1002 Dark https://img.example/42.jpg 2700 2800", watching.get(0).path("title_id").asLong() + " "
                + watching.get(0).path("episode_id").asLong() + " " + watching.get(0).path("title").asString() + " "
                + watching.get(0).path("poster").asString() + " " + watching.get(0).path("position_s").asInt() + " "
                + watching.get(0).path("duration_s").asInt());
        JsonNode recommended = home.path("recommendations").get(0);
        assertEquals("12 Stalker movie 1979 because you watched Solaris", recommended.path("title_id").asLong() + " "
                + recommended.path("title").asString() + " " + recommended.path("kind").asString() + " "
                + recommended.path("release_year").asInt() + " " + recommended.path("reason").asString());
        assertEquals(3, home.path("new_releases").size());
        assertEquals("7 12 [\"Sci-Fi\"]", home.path("new_releases").get(0).path("title_id").asLong() + " "
                + home.path("new_releases").get(0).path("age_rating").asInt() + " " + home.path("new_releases").get(0).path("genres"));
        assertTrue(home.path("new_releases").get(1).path("poster").isMissingNode(), "absent, not null, without a poster");
        assertEquals(List.of(), degraded(home));

        assertTrue(FUNCTIONS.pathsSeen().contains("/api/v1/titles?sort=year&limit=20"), FUNCTIONS.pathsSeen().toString());
        assertTrue(FUNCTIONS.pathsSeen().contains("/api/v1/me/continue-watching?limit=10"));
        assertTrue(FUNCTIONS.seen.stream().allMatch(seen -> TOKEN.equals(seen.authorization()) && "RU".equals(seen.country())),
                "every call carries the caller's token and country: " + FUNCTIONS.seen);

        assertEquals("private, no-cache", answer.headers().firstValue("Cache-Control").orElseThrow());
        String etag = answer.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.get("/api/web/home", "Authorization", TOKEN, "X-Client-Country", "RU", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, http.get("/api/web/home", "Authorization", TOKEN, "If-None-Match", "\"something-else\"").statusCode());

        HttpResponse<String> masha = http.get("/api/web/home?profile_id=5", "Authorization", TOKEN);
        assertEquals(5, JSON.readTree(masha.body()).path("viewer").path("profile_id").asLong());
        assertTrue(FUNCTIONS.pathsSeen().contains("/api/v1/me/continue-watching?limit=10&profile_id=5"));
        assertTrue(TestHttp.isJsonError(http.get("/api/web/home?profile_id=x", "Authorization", TOKEN), 400, "profile_id"));
    }

    @Test
    void anAnonymousHomeIsNewReleasesOnlyAndPublic() {
        HttpResponse<String> answer = http.get("/api/web/home");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode home = JSON.readTree(answer.body());
        assertTrue(home.path("viewer").isNull() && home.path("subscription").isNull());
        assertEquals(0, home.path("continue_watching").size() + home.path("recommendations").size());
        assertEquals(3, home.path("new_releases").size());
        assertEquals(List.of("/api/v1/titles?sort=year&limit=20"), FUNCTIONS.pathsSeen(), "nobody else is asked");
        assertEquals("public, max-age=30", answer.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void aFailingDependencyIsNamedInDegradedAndTheScreenStillAnswers() {
        FUNCTIONS.fail("/api/v1/me/recommendations", 503);
        FUNCTIONS.fail("/api/v1/entitlements/me", 500);
        HttpResponse<String> answer = http.get("/api/web/home", "Authorization", TOKEN);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode home = JSON.readTree(answer.body());
        assertEquals(List.of("subscription", "recommendations"), degraded(home));
        assertTrue(home.path("subscription").isNull());
        assertEquals(0, home.path("recommendations").size());
        assertEquals(1, home.path("continue_watching").size(), "the rest is there");
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElseThrow(), "a stop-gap is not kept");
    }

    @Test
    void aSlowDependencyIsLeftOutWithinItsBudget() {
        FUNCTIONS.slow("/api/v1/me/continue-watching", Duration.ofSeconds(8));
        long started = System.nanoTime();
        HttpResponse<String> answer = http.get("/api/web/home", "Authorization", TOKEN);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode home = JSON.readTree(answer.body());
        assertEquals(List.of("continue_watching"), degraded(home));
        assertEquals(1, home.path("recommendations").size());
        // continue watching's budget is profile's 600 ms and the catalog's 600 ms: the screen waits that, not 8 s.
        assertTrue(tookMs < 3_000, "answered after " + tookMs + " ms");
    }

    @Test
    void aRefusedTokenIs401ForTheScreen() {
        HttpResponse<String> answer = http.get("/api/web/home", "Authorization", BAD_TOKEN);
        assertTrue(TestHttp.isJsonError(answer, 401, "expired"), answer.body());
        assertTrue(TestHttp.isJsonError(http.get("/api/web/account"), 401, "signed-in"));
        assertTrue(TestHttp.isJsonError(http.get("/api/web/account", "Authorization", BAD_TOKEN), 401, ""));
        assertTrue(TestHttp.isJsonError(http.get("/api/web/titles/42", "Authorization", "Bearer " + "x".repeat(9000)), 401, ""));
    }

    @Test
    void theTitleScreenHasDetailsAvailabilityPlansTheViewersStateAndSimilarTitles() {
        HttpResponse<String> answer = http.get("/api/web/titles/42", "Authorization", TOKEN, "X-Client-Country", "RU");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode screen = JSON.readTree(answer.body());
        JsonNode title = screen.path("title");
        assertEquals("42 series Dark de", title.path("title_id").asLong() + " " + title.path("kind").asString() + " "
                + title.path("title").asString() + " " + title.path("original_language").asString());
        JsonNode episode = title.path("seasons").get(0).path("episodes").get(1);
        assertEquals("1002 2 Lies", episode.path("episode_id").asLong() + " " + episode.path("number").asInt() + " " + episode.path("title").asString());
        assertEquals("Jonas", title.path("people").get(1).path("character").asString());
        assertEquals("RU true", screen.path("availability").path("region").asString() + " " + screen.path("availability").path("playable").asBoolean());
        assertTrue(screen.path("availability").path("reason").isNull());
        JsonNode plan = screen.path("plans").get(0);
        assertEquals("premium-year 7 EUR 17999 RUB", plan.path("plan_id").asString() + " " + plan.path("trial_days").asInt() + " "
                + plan.path("prices").get(0).path("currency").asString() + " " + plan.path("prices").get(0).path("price_minor").asLong() + " "
                + plan.path("prices").get(1).path("currency").asString());
        assertEquals("9 true 1002", screen.path("viewer").path("rating").asInt() + " " + screen.path("viewer").path("favorite").asBoolean()
                + " " + screen.path("viewer").path("progress").path("episode_id").asLong());
        assertEquals(List.of(7L, 12L), screen.path("similar").valueStream().map(s -> s.path("title_id").asLong()).toList(), "not itself");
        assertEquals(List.of(), degraded(screen));
        assertTrue(FUNCTIONS.pathsSeen().contains("/api/v1/titles?genre=Drama&sort=rating&limit=13"), FUNCTIONS.pathsSeen().toString());
        assertTrue(FUNCTIONS.pathsSeen().contains("/api/v1/me/titles/42"));
        assertTrue(FUNCTIONS.pathsSeen().contains("/api/v1/playback/availability/42?episode_id=1001"), "a series: its first episode");
        http.get("/api/web/titles/42?episode_id=1002&profile_id=5", "Authorization", TOKEN);
        assertTrue(FUNCTIONS.pathsSeen().contains("/api/v1/playback/availability/42?profile_id=5&episode_id=1002"), FUNCTIONS.pathsSeen().toString());

        FUNCTIONS.reset();
        HttpResponse<String> anonymous = http.get("/api/web/titles/42", "X-Client-Country", "DE");
        JsonNode signedOut = JSON.readTree(anonymous.body());
        assertEquals("DE false sign_in_required", signedOut.path("availability").path("region").asString() + " "
                + signedOut.path("availability").path("playable").asBoolean() + " " + signedOut.path("availability").path("reason").asString());
        assertTrue(signedOut.path("viewer").isNull());
        assertEquals(1, signedOut.path("plans").size(), "prices before signing up");
        assertFalse(FUNCTIONS.pathsSeen().stream().anyMatch(p -> p.contains("availability") || p.contains("/me/")), FUNCTIONS.pathsSeen().toString());
        assertEquals("public, max-age=30", anonymous.headers().firstValue("Cache-Control").orElseThrow());

        FUNCTIONS.fail("/api/v1/playback/availability/42", 503);
        JsonNode degraded = JSON.readTree(http.get("/api/web/titles/42", "Authorization", TOKEN).body());
        assertTrue(degraded.path("availability").isNull());
        assertEquals(List.of("availability"), degraded(degraded));
        FUNCTIONS.fail("/api/v1/playback/availability/42", 400);
        assertEquals(List.of("availability"), degraded(JSON.readTree(http.get("/api/web/titles/42", "Authorization", TOKEN).body())),
                "a function refusing what the BFF asked is its part missing, not the caller's 400");

        assertTrue(TestHttp.isJsonError(http.get("/api/web/titles/77", "Authorization", TOKEN), 404, ""));
        assertTrue(TestHttp.isJsonError(http.get("/api/web/titles/abc"), 400, "id"));
        FUNCTIONS.fail("/api/v1/titles/42", 500);
        assertTrue(TestHttp.isJsonError(http.get("/api/web/titles/42", "Authorization", TOKEN), 503, "catalog"));
    }

    @Test
    void theAccountScreenShowsWhatIsThereAndNoneIsNotDegraded() {
        HttpResponse<String> answer = http.get("/api/web/account", "Authorization", TOKEN);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode account = JSON.readTree(answer.body());
        assertEquals("neo@matrix.io true", account.path("user").path("email").asString() + " " + account.path("user").path("email_verified").asBoolean());
        assertEquals(2, account.path("profiles").size());
        assertEquals("active 17999", account.path("subscription").path("status").asString() + " " + account.path("subscription").path("amount_minor").asLong());
        assertEquals("4 16199 succeeded", account.path("receipts").get(0).path("payment_id").asLong() + " "
                + account.path("receipts").get(0).path("amount_minor").asLong() + " " + account.path("receipts").get(0).path("status").asString());
        assertEquals(161, account.path("loyalty").path("balance").asLong());
        assertTrue(account.path("notification_preferences").path("channels").path("email").asBoolean());
        assertEquals(List.of(), degraded(account));
        assertEquals("private, no-cache", answer.headers().firstValue("Cache-Control").orElseThrow());

        FUNCTIONS.fail("/api/v1/me/notification-preferences", 404);
        FUNCTIONS.fail("/api/v1/subscriptions/me", 404);
        JsonNode none = JSON.readTree(http.get("/api/web/account", "Authorization", TOKEN).body());
        assertTrue(none.path("notification_preferences").isNull() && none.path("subscription").isNull());
        assertEquals(List.of(), degraded(none), "404 is 'none', not an outage");

        FUNCTIONS.fail("/api/v1/me/notification-preferences", 502);
        FUNCTIONS.fail("/api/v1/me/payments", 500);
        JsonNode down = JSON.readTree(http.get("/api/web/account", "Authorization", TOKEN).body());
        assertEquals(List.of("receipts", "notification_preferences"), degraded(down));
        assertEquals(0, down.path("receipts").size());

        FUNCTIONS.fail("/api/auth/me", 500);
        assertTrue(TestHttp.isJsonError(http.get("/api/web/account", "Authorization", TOKEN), 503, "identity"));
    }

    @Test
    void browseIsTheCatalogsSearchAsCardsAndPublic() {
        HttpResponse<String> answer = http.get("/api/web/browse?q=stalker%20zone&genre=Drama&sort=year&limit=10");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode browse = JSON.readTree(answer.body());
        assertEquals(3, browse.path("items").size());
        assertEquals(8.1, browse.path("items").get(0).path("rating").path("average").asDouble());
        assertEquals("Drama", browse.path("facets").path("genres").get(0).path("value").asString());
        assertTrue(browse.path("next_cursor").isNull());
        assertEquals(List.of("/api/v1/titles?q=stalker+zone&genre=Drama&sort=year&limit=10"), FUNCTIONS.pathsSeen());
        assertEquals("public, max-age=30", answer.headers().firstValue("Cache-Control").orElseThrow());

        FUNCTIONS.fail("/api/v1/titles", 400);
        assertTrue(TestHttp.isJsonError(http.get("/api/web/browse?sort=sideways"), 400, "stand-in failure"), "the catalog's own message");
        assertTrue(TestHttp.isJsonError(http.get("/api/web/browse?limit=500"), 400, "limit"));
        assertTrue(TestHttp.isJsonError(http.get("/api/web/browse?q=" + "a".repeat(201)), 400, "'q'"));
        FUNCTIONS.fail("/api/v1/titles", 500);
        JsonNode down = JSON.readTree(http.get("/api/web/browse").body());
        assertEquals(List.of("results"), degraded(down));
    }

    @Test
    void theWebClientsFilesAreServedWithCacheHeaders() {
        HttpResponse<String> asset = http.get("/assets/bff-it.css");
        assertEquals(200, asset.statusCode());
        assertEquals("max-age=300, public", asset.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(asset.headers().firstValue("Last-Modified").isPresent());
        assertNotNull(asset.headers().firstValue("Content-Type").filter(type -> type.startsWith("text/css")).orElse(null));
        assertEquals(404, http.get("/assets/missing.css").statusCode());
        assertEquals(404, http.get("/application.yaml").statusCode(), "nothing else of the classpath");
    }

    private static List<String> degraded(JsonNode screen) {
        assertTrue(screen.path("degraded").isArray(), "degraded is always there: " + screen);
        return screen.path("degraded").valueStream().map(JsonNode::asString).toList();
    }
}
