package com.cinemaabyss.monolith;

import com.cinemaabyss.kit.test.HostileRequests;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whatever a client throws at the legacy API (every route of the monolith, the movie routes included), the monolith
 * answers below 500, says what it refused in JSON, and is still up afterwards. Bounded: a few hundred requests.
 */
class HostileInputIT {

    private static final List<String> PATHS = List.of("/api/users", "/api/users?id={id}", "/api/movies", "/api/movies?id={id}",
            "/api/movies?limit={id}", "/api/payments", "/api/payments?user_id={id}", "/api/subscriptions",
            "/api/subscriptions?user_id={id}", "/internal/events/movie-changes", "/internal/events/user-changes", "/health", "/api/{id}");
    private static final List<String> FIELDS = List.of("username", "email", "title", "description", "genres", "rating",
            "user_id", "amount", "plan_type", "start_date", "end_date", "id", "limit", "cursor");

    private static ConfigurableApplicationContext monolith;
    private static TestHttp http;

    @BeforeContainer
    static void start() {
        monolith = new SpringApplicationBuilder(MonolithApplication.class).run(SharedTestInfra.functionAppArguments());
        http = TestHttp.at(Integer.parseInt(monolith.getEnvironment().getProperty("local.server.port")));
    }

    @AfterContainer
    static void stop() {
        assertEquals(200, http.get("/health").statusCode(), "the monolith must still answer after all of it");
        monolith.close();
    }

    @Property(tries = 300)
    void nothingAClientSendsIsAServerError(@ForAll("hostile") HostileRequests.Request request) {
        HostileRequests.assertHandled(request, http.send(request.on(http)));
    }

    @Provide
    Arbitrary<HostileRequests.Request> hostile() {
        return HostileRequests.on(PATHS, FIELDS);
    }
}
