package com.cinemaabyss.profile;

import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.test.HostileRequests;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import org.apache.kafka.clients.admin.NewTopic;
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
 * Whatever a client (or a broken title change) throws at profile's routes, it answers below 500 with a JSON error and is
 * still up afterwards. Most requests carry a valid user token (one of a few users, so profile ids sometimes are theirs)
 * or the delivery token with the title changelog's type, so the hostile parts reach the code behind the checks.
 */
class HostileInputIT {

    private static final List<String> PATHS = List.of("/api/v1/me/profiles", "/api/v1/me/profiles/{id}", "/api/v1/me/favorites",
            "/api/v1/me/favorites/{id}", "/api/v1/me/ratings", "/api/v1/me/ratings/{id}", "/api/v1/me/progress",
            "/api/v1/me/continue-watching", "/api/v1/me/history", "/api/v1/profile/health", "/internal/events/title-changes");
    private static final List<String> FIELDS = List.of("name", "language", "max_age_rating", "kids", "rating", "title_id", "episode_id",
            "position_s", "duration_s", "profile_id", "limit", "cursor", "id", "kind", "version", "seasons", "status");

    private static EntitlementStub subscriptions;
    private static ConfigurableApplicationContext app;
    private static TestHttp http;

    @BeforeContainer
    static void start() {
        subscriptions = new EntitlementStub();
        SharedTestInfra.kafka().createTopics(List.of(new NewTopic(Topics.PROFILE_EVENTS, 1, (short) 1)));
        List<String> arguments = new ArrayList<>(List.of(SharedTestInfra.functionAppArguments()));
        TestIdentity.shared().properties().forEach((name, value) -> arguments.add("--" + name + "=" + value.get()));
        arguments.add("--cinemaabyss.eventing.delivery-token=" + Titles.TOKEN);
        arguments.add("--cinemaabyss.profile.entitlements.url=" + subscriptions.url());
        app = new SpringApplicationBuilder(ProfileApplication.class).run(arguments.toArray(String[]::new));
        http = TestHttp.at(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @AfterContainer
    static void stop() {
        assertEquals(200, http.get("/api/v1/profile/health").statusCode(), "profile must still answer after all of it");
        app.close();
        subscriptions.close();
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
        int pick = Math.floorMod(request.body().hashCode() * 31 + request.pathAndQuery().hashCode(), 6);
        switch (pick) {
            case 0, 1, 2 -> headers.put("Authorization", TestIdentity.shared().bearer(900_000_000L + pick));
            case 3 -> {
                headers.put("Authorization", "Bearer " + Titles.TOKEN);
                headers.put("ce-specversion", "1.0");
                headers.put("ce-id", "hostile-" + Math.abs(request.body().hashCode()));
                headers.put("ce-source", "/hostile");
                headers.put("ce-type", Titles.TYPE);
            }
            case 4 -> headers.put("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");
            default -> {
            }
        }
        return headers;
    }
}
