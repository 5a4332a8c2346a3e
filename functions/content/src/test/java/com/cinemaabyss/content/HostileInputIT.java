package com.cinemaabyss.content;

import com.cinemaabyss.contracts.EventTypes;
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
 * Whatever a client (or a broken event) throws at content's routes, it answers below 500 and says what it refused in
 * JSON, and is still up afterwards. Title 1 is a licensed movie and the viewer is entitled, so a playback request can
 * get through every check; the requests carry a viewer's or a content manager's token, the delivery token with
 * title-changes CloudEvent headers, a forged token or none, and the edge's country header, valid or not.
 */
class HostileInputIT {

    private static final List<String> PATHS = List.of("/api/v1/playback", "/api/v1/playback/health", "/api/v1/licences/{id}",
            "/api/v1/licences/{id}/RU", "/api/v1/licences/{id}/ru", "/api/v1/licences/{id}/%D0%AF%D0%AF", "/api/v1/licences/{id}/XX",
            "/api/v1/licences", "/api/v1/playback/{id}", "/internal/events/title-changes", "/internal/{id}");
    private static final List<String> FIELDS = List.of("title_id", "episode_id", "profile_id", "from", "to", "region", "id", "kind",
            "status", "age_rating", "version", "offered_licences", "seasons", "title", "updated_at", "rating");
    private static final List<String> COUNTRIES = List.of("RU", "DE", "ru", "XX", "", "RUS", "R1", "<script>");
    private static final Upstreams UPSTREAMS = new Upstreams();
    private static final long VIEWER = Titles.newId();

    private static ConfigurableApplicationContext app;
    private static TestHttp http;

    @BeforeContainer
    static void start() {
        List<String> arguments = new ArrayList<>(List.of(SharedTestInfra.functionAppArguments()));
        TestIdentity.shared().properties().forEach((name, value) -> arguments.add("--" + name + "=" + value.get()));
        arguments.addAll(List.of("--cinemaabyss.eventing.delivery-token=" + Titles.TOKEN,
                "--cinemaabyss.content.media.origin-url=http://127.0.0.1:8091",
                "--cinemaabyss.content.media.signing-key=hostile-input-signing-key-of-32-bytes-or-more",
                "--cinemaabyss.content.upstream.subscriptions-url=" + UPSTREAMS.url(),
                "--cinemaabyss.content.upstream.profile-url=" + UPSTREAMS.url(),
                "--cinemaabyss.content.upstream.timeout=1s"));
        app = new SpringApplicationBuilder(ContentApplication.class).run(arguments.toArray(String[]::new));
        http = TestHttp.at(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        UPSTREAMS.active.put(TestIdentity.shared().bearer(VIEWER), true);
        Titles.deliver(http, 1, Titles.movie(1, "published", 0, 1, Titles.offer("RU", "2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z")));
    }

    @AfterContainer
    static void stop() {
        assertEquals(200, http.get("/api/v1/playback/health").statusCode(), "content must still answer after all of it");
        app.close();
        UPSTREAMS.close();
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

    /**
     * The entitled viewer's token (twice as often: playback is the route with the most behind its checks), a content
     * manager's, the delivery token with title-changes CloudEvent headers, a forged token, or none; and a country.
     */
    private static Map<String, String> withCredentials(HostileRequests.Request request) {
        Map<String, String> headers = new HashMap<>(request.headers());
        int seed = request.body().hashCode() * 31 + request.pathAndQuery().hashCode();
        switch (Math.floorMod(seed, 7)) {
            case 0, 1 -> headers.put("Authorization", TestIdentity.shared().bearer(VIEWER));
            case 2 -> headers.put("Authorization", TestIdentity.shared().bearer(VIEWER + 1, "content_manager"));
            case 3, 4 -> {
                headers.put("Authorization", "Bearer " + Titles.TOKEN);
                headers.put("ce-specversion", "1.0");
                headers.put("ce-id", "hostile-" + Math.abs(request.body().hashCode()));
                headers.put("ce-source", "/hostile");
                headers.put("ce-type", EventTypes.TITLE_UPSERTED);
                headers.put("ce-subject", "1");
            }
            case 5 -> headers.put("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");
            default -> {
            }
        }
        String country = COUNTRIES.get(Math.floorMod(seed / 7, COUNTRIES.size()));
        if (!country.isEmpty()) {
            headers.put("X-Client-Country", country);
        }
        return headers;
    }
}
