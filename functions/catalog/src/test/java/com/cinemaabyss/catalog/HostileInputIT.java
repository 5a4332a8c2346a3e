package com.cinemaabyss.catalog;

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
 * Whatever a client throws at the title routes (and the provider feed route), anonymous, as a viewer, a content manager,
 * with a forged token, the catalog answers below 500, says what it refused in JSON, and is still up afterwards.
 */
class HostileInputIT {

    private static final List<String> PATHS = List.of("/api/v1/titles", "/api/v1/titles/{id}", "/api/v1/titles/{id}/seasons/1",
            "/api/v1/titles/2/seasons/{id}", "/api/v1/titles?q={id}&type=movie", "/api/v1/titles?genre={id}&year_from=1900",
            "/api/v1/titles?cursor={id}&sort=title", "/api/v1/titles?limit={id}", "/api/v1/titles/health",
            "/internal/events/provider-feed", "/internal/events/profile-events", "/internal/events/movie-events", "/api/movies");
    private static final List<String> FIELDS = List.of("kind", "title", "original_title", "description", "genres", "countries",
            "original_language", "release_year", "age_rating", "runtime_min", "images", "people", "seasons", "episodes", "number",
            "offered_licences", "provider", "external_id", "licences", "region", "from", "to", "name", "role", "profile_id", "user_id",
            "title_id", "rating", "rated_at", "removed_at", "movie_id", "action");

    private static ConfigurableApplicationContext catalog;
    private static TestHttp http;

    @BeforeContainer
    static void start() {
        List<String> arguments = new ArrayList<>(List.of(SharedTestInfra.functionAppArguments()));
        TestIdentity.shared().properties().forEach((name, value) -> arguments.add("--" + name + "=" + value.get()));
        catalog = new SpringApplicationBuilder(CatalogApplication.class).run(arguments.toArray(String[]::new));
        http = TestHttp.at(Integer.parseInt(catalog.getEnvironment().getProperty("local.server.port")));
    }

    @AfterContainer
    static void stop() {
        assertEquals(200, http.get("/api/movies/health").statusCode(), "the catalog must still answer after all of it");
        catalog.close();
    }

    @Property(tries = 300)
    void nothingAClientSendsIsAServerError(@ForAll("hostile") HostileRequests.Request request) {
        HostileRequests.assertHandled(request, http.send(request.on(http)));
    }

    @Provide
    Arbitrary<HostileRequests.Request> hostile() {
        return HostileRequests.on(PATHS, FIELDS).map(request ->
                new HostileRequests.Request(request.method(), request.pathAndQuery(), withCaller(request), request.body()));
    }

    /** Most requests get past authentication (a content manager), so the parsing behind it is what is tried. */
    private static Map<String, String> withCaller(HostileRequests.Request request) {
        Map<String, String> headers = new HashMap<>(request.headers());
        int pick = Math.floorMod(request.body().hashCode() * 31 + request.pathAndQuery().hashCode(), 8);
        switch (pick) {
            case 0 -> headers.put("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");
            case 1 -> headers.put("X-User-Id", "99999999999999999999");
            case 2 -> headers.put("Authorization", TestIdentity.shared().bearer(7, "viewer"));
            default -> headers.put("Authorization", TestIdentity.shared().bearer(3, "content_manager"));
        }
        if (pick % 2 == 1) {
            headers.put("ce-specversion", "1.0");
            headers.put("ce-id", "hostile-" + pick);
            headers.put("ce-source", "/providers/acme");
            headers.put("ce-subject", "acme/x");
            headers.put("ce-type", pick == 3 ? "com.cinemaabyss.content.title.withdrawn.v1" : "com.cinemaabyss.content.title.published.v1");
        }
        return headers;
    }
}
