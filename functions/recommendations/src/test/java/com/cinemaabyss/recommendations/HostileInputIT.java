package com.cinemaabyss.recommendations;

import com.cinemaabyss.kit.test.HostileRequests;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whatever a client (or a broken event) throws at recommendations' routes, it answers below 500 with a JSON error and is
 * still up afterwards. Most requests carry a valid user token or the delivery token with one of the consumed types, so
 * the hostile parts reach the code behind the checks.
 */
class HostileInputIT {

    private static final List<String> PATHS = List.of("/api/v1/me/recommendations", "/api/v1/recommendations/health",
            "/internal/events/profile-events", "/internal/events/playback-events", "/internal/events/title-changes");
    private static final List<String> FIELDS = List.of("limit", "profile_id", "user_id", "title_id", "rating", "at", "rated_at",
            "finished", "position_s", "duration_s", "session_id", "started_at", "id", "kind", "status", "genres", "title", "version");
    private static final List<String> TYPES = List.of(Events.TITLE, Events.PLAYBACK, Events.PROGRESS, Events.FAVORITE_ADDED,
            Events.FAVORITE_REMOVED, Events.RATING_SET, "com.cinemaabyss.profile.rating.removed.v1");

    private static EngineFront engine;
    private static ConfigurableApplicationContext app;
    private static TestHttp http;

    @BeforeContainer
    static void start() {
        engine = new EngineFront();
        List<String> arguments = new ArrayList<>(List.of(SharedTestInfra.functionAppArguments()));
        TestIdentity.shared().properties().forEach((name, value) -> arguments.add("--" + name + "=" + value.get()));
        arguments.add("--cinemaabyss.eventing.delivery-token=" + Events.TOKEN);
        arguments.add("--cinemaabyss.recommendations.engine.url=" + engine.url());
        app = new SpringApplicationBuilder(RecommendationsApplication.class).run(arguments.toArray(String[]::new));
        http = TestHttp.at(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @AfterContainer
    static void stop() {
        assertEquals(200, http.get("/api/v1/recommendations/health").statusCode(), "recommendations must still answer after all of it");
        app.close();
        engine.close();
    }

    @Property(tries = 250)
    void nothingAClientSendsIsAServerError(@ForAll("hostile") HostileRequests.Request request) {
        HostileRequests.assertHandled(request, http.send(request.on(http)));
    }

    @Provide
    Arbitrary<HostileRequests.Request> hostile() {
        return HostileRequests.on(PATHS, FIELDS).map(request -> new HostileRequests.Request(request.method(), request.pathAndQuery(),
                withCredentials(request), request.body()));
    }

    private static Map<String, String> withCredentials(HostileRequests.Request request) {
        Map<String, String> headers = new HashMap<>(request.headers());
        int hash = request.body().hashCode() * 31 + request.pathAndQuery().hashCode();
        int pick = Math.floorMod(hash, 6);
        switch (pick) {
            case 0, 1, 2 -> headers.put("Authorization", TestIdentity.shared().bearer(800_000_000L + pick));
            case 3 -> {
                headers.put("Authorization", "Bearer " + Events.TOKEN);
                headers.put("ce-specversion", "1.0");
                headers.put("ce-id", "hostile-" + Math.abs(request.body().hashCode()));
                headers.put("ce-source", "/hostile");
                headers.put("ce-type", TYPES.get(Math.floorMod(hash / 7, TYPES.size())));
            }
            case 4 -> headers.put("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");
            default -> {
            }
        }
        return headers;
    }
}
