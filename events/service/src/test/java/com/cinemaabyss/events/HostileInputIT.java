package com.cinemaabyss.events;

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
 * Whatever a client throws at the events service (every route, the ingress and the internal delivery routes included), the service
 * answers below 500, says what it refused in JSON, and is still up afterwards. Bounded: a few hundred requests.
 */
class HostileInputIT {

    private static final List<String> PATHS = List.of("/api/events", "/api/events/movie", "/api/events/user", "/api/events/payment",
            "/api/events/processed?id={id}", "/api/events/stats", "/api/events/stats/movies/{id}", "/api/events/stats/users/{id}",
            "/internal/events/movie-events", "/internal/events/user-events", "/internal/events/payment-events", "/api/events/{id}",
            "/api/v1/dead-letters", "/api/v1/dead-letters/{id}", "/api/v1/dead-letters/{id}/replay", "/api/v1/dead-letters/purge");
    private static final List<String> FIELDS = List.of("movie_id", "title", "action", "user_id", "rating", "genres", "description",
            "username", "email", "timestamp", "payment_id", "amount", "status", "method_type", "specversion", "id", "source", "type", "data");

    private static ConfigurableApplicationContext events;
    private static TestHttp http;

    @BeforeContainer
    static void start() {
        TopicReader.createEventTopics();
        events = new SpringApplicationBuilder(EventsApplication.class).run(SharedTestInfra.functionAppArguments());
        http = TestHttp.at(Integer.parseInt(events.getEnvironment().getProperty("local.server.port")));
    }

    @AfterContainer
    static void stop() {
        assertEquals(200, http.get("/api/events/health").statusCode(), "the events service must still answer after all of it");
        events.close();
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
