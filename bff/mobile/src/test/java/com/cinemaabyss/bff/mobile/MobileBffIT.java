package com.cinemaabyss.bff.mobile;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mobile/TV BFF against stand-ins of the domain functions: screens shaped per device class (image boxes, fewer
 * fields, TV rows), 400 on an unknown class, and the kit's degraded/late/401/ETag behaviour through this app.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MobileBffIT {

    static final FunctionStandIns FUNCTIONS = new FunctionStandIns();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static boolean warm;

    @LocalServerPort
    int port;
    TestHttp http;

    @DynamicPropertySource
    static void functions(DynamicPropertyRegistry registry) {
        for (String dependency : List.of("identity", "profile", "subscriptions", "recommendations", "catalog", "content", "discounts",
                "payments", "notifications")) {
            registry.add("cinemaabyss.bff.dependencies." + dependency + ".url", () -> FUNCTIONS.url().toString());
            registry.add("cinemaabyss.bff.dependencies." + dependency + ".timeout", () -> "600ms");
        }
    }

    @AfterAll
    static void stop() {
        FUNCTIONS.close();
    }

    @BeforeEach
    void fresh() {
        http = TestHttp.at(port);
        if (!warm) {
            // A cold JVM's first screens take longer than these tests' 600 ms budgets.
            for (int i = 0; i < 3; i++) {
                http.get("/api/mobile/home", "Authorization", TOKEN, "X-Device-Class", "tv");
                http.get("/api/mobile/titles/42", "Authorization", TOKEN);
            }
            warm = true;
        }
        FUNCTIONS.reset();
    }

    @Test
    void aPhoneGetsListsOfSmallCardsWithPhoneSizedPosters() {
        HttpResponse<String> answer = http.get("/api/mobile/home", "Authorization", TOKEN);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode home = JSON.readTree(answer.body());
        JsonNode watching = home.path("continue_watching").get(0);
        assertEquals("42 Dark series 1002 2700 https://img.example/42.jpg 342x513", watching.path("title_id").asLong() + " "
                + watching.path("title").asString() + " " + watching.path("kind").asString() + " " + watching.path("episode_id").asLong() + " "
                + watching.path("position_s").asInt() + " " + watching.path("poster").path("url").asString() + " "
                + watching.path("poster").path("width").asInt() + "x" + watching.path("poster").path("height").asInt());
        JsonNode release = home.path("new_releases").get(0);
        assertTrue(release.path("release_year").isMissingNode() && release.path("genres").isMissingNode(), "fewer fields: " + release);
        assertEquals(1, home.path("recommendations").size());
        assertTrue(home.path("rows").isMissingNode());
        assertTrue(answer.headers().allValues("Vary").toString().contains("X-Device-Class"), answer.headers().map().toString());

        String etag = answer.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, http.get("/api/mobile/home", "Authorization", TOKEN, "If-None-Match", etag).statusCode());
        assertEquals(200, http.get("/api/mobile/home", "Authorization", TOKEN, "X-Device-Class", "tablet", "If-None-Match", etag).statusCode(),
                "another device class is another body");
    }

    @Test
    void aTvGetsRowsForATenFootLayoutAndLeavesEmptyRowsOut() {
        HttpResponse<String> answer = http.get("/api/mobile/home", "Authorization", TOKEN, "X-Device-Class", "TV");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode home = JSON.readTree(answer.body());
        assertEquals(List.of("continue_watching", "recommendations", "new_releases"), home.path("rows").valueStream().map(r -> r.path("id").asString()).toList());
        assertEquals("Continue watching", home.path("rows").get(0).path("title").asString());
        JsonNode poster = home.path("rows").get(2).path("items").get(0).path("poster");
        assertEquals("780x1170", poster.path("width").asInt() + "x" + poster.path("height").asInt());
        assertTrue(home.path("continue_watching").isMissingNode());
        assertEquals(2, home.path("viewer").path("user_id").asLong());

        FUNCTIONS.fail("/api/v1/me/recommendations", 500);
        JsonNode degraded = JSON.readTree(http.get("/api/mobile/home", "Authorization", TOKEN, "X-Device-Class", "tv").body());
        assertEquals(List.of("continue_watching", "new_releases"), degraded.path("rows").valueStream().map(r -> r.path("id").asString()).toList());
        assertEquals(List.of("recommendations"), degraded(degraded));
    }

    @Test
    void anUnknownDeviceClassIs400() {
        assertTrue(TestHttp.isJsonError(http.get("/api/mobile/home", "X-Device-Class", "fridge"), 400, "phone, tablet, tv"));
        assertTrue(TestHttp.isJsonError(http.get("/api/mobile/browse", "X-Device-Class", "tv".repeat(20)), 400, "X-Device-Class"));
        assertEquals(200, http.get("/api/mobile/titles/42", "X-Device-Class", " Tablet ").statusCode(), "case and spaces do not matter");
        assertEquals(List.of(), FUNCTIONS.pathsSeen().stream().filter(p -> p.contains("/me/")).toList());
    }

    @Test
    void aSlowDependencyIsLeftOutWithinItsBudgetAndARefusedTokenIs401() {
        FUNCTIONS.slow("/api/v1/entitlements/me", Duration.ofSeconds(8));
        long started = System.nanoTime();
        HttpResponse<String> answer = http.get("/api/mobile/home", "Authorization", TOKEN, "X-Device-Class", "tablet");
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(List.of("subscription"), degraded(JSON.readTree(answer.body())));
        assertTrue(tookMs < 3_000, "answered after " + tookMs + " ms");
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElseThrow());

        assertTrue(TestHttp.isJsonError(http.get("/api/mobile/home", "Authorization", BAD_TOKEN), 401, "expired"));
        assertTrue(TestHttp.isJsonError(http.get("/api/mobile/account", "X-Device-Class", "phone"), 401, ""));
    }

    @Test
    void theTitleAndAccountScreensAreShapedForTheDevice() {
        HttpResponse<String> answer = http.get("/api/mobile/titles/42", "Authorization", TOKEN, "X-Device-Class", "tablet", "X-Client-Country", "RU");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode screen = JSON.readTree(answer.body());
        JsonNode backdrop = screen.path("title").path("backdrop");
        assertEquals("https://img.example/42-wide.jpg 1280x720", backdrop.path("url").asString() + " " + backdrop.path("width").asInt() + "x"
                + backdrop.path("height").asInt());
        assertTrue(screen.path("title").path("original_title").isMissingNode() && screen.path("title").path("countries").isMissingNode());
        assertTrue(screen.path("title").path("seasons").get(0).path("episodes").get(0).path("description").isMissingNode());
        assertEquals("RU true", screen.path("availability").path("region").asString() + " " + screen.path("availability").path("playable").asBoolean());
        assertEquals(17999, screen.path("plans").get(0).path("prices").path("EUR").asLong());
        assertEquals("9 true", screen.path("viewer").path("rating").asInt() + " " + screen.path("viewer").path("favorite").asBoolean());
        assertEquals(2, screen.path("similar").size());

        JsonNode account = JSON.readTree(http.get("/api/mobile/account", "Authorization", TOKEN).body());
        assertEquals("neo 2 161", account.path("user").path("username").asString() + " " + account.path("profiles").size() + " "
                + account.path("loyalty").path("balance").asLong());
        assertTrue(account.path("loyalty").path("recent").isMissingNode(), "the balance only");
        assertEquals(16199, account.path("receipts").get(0).path("amount_minor").asLong());
    }

    private static List<String> degraded(JsonNode screen) {
        return screen.path("degraded").valueStream().map(JsonNode::asString).toList();
    }
}
